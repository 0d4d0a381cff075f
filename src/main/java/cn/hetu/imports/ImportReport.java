package cn.hetu.imports;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * What an import would do, computed in SQL on the staging table before anything is written.
 *
 * @param insideCounty features that touch the county's extent after reprojection
 * @param likelyWrongCrs fewer than half of the features are in the county: the CRS is probably wrong
 * @param preview the first features as a GeoJSON FeatureCollection, for the map
 */
record ImportReport(long featureCount, double[] extent, long insideCounty, boolean likelyWrongCrs,
        Map<String, Long> geometryTypes, String targetGeometryType, long emptyGeometries, Problems invalid,
        Problems wrongType, List<ImportTargets.StagingField> fields, List<ImportTarget.TargetColumn> targetColumns,
        Map<String, String> mapping, Checks checks, @JsonRawValue String preview) {

    /** Features with a geometry problem: how many, and the first of them with where and why. */
    record Problems(long count, boolean repairable, List<Problem> items) {
    }

    record Problem(long feature, String reason, double[] location) {
    }

    /** What depends on the field mapping: values that do not fit their column, missing values, duplicate codes. */
    record Checks(List<BadValues> badValues, List<Missing> missing, Duplicates duplicates) {

        boolean blocking() {
            return !badValues.isEmpty() || !missing.isEmpty();
        }

    }

    record BadValues(String column, String field, String type, long count, List<String> examples) {
    }

    record Missing(String column, long count) {
    }

    record Duplicates(long inFile, long existing, List<String> examples) {
    }

}
