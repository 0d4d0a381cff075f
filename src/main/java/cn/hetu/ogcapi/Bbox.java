package cn.hetu.ogcapi;

/** A bounding box in CRS84 longitude and latitude. */
record Bbox(double minLon, double minLat, double maxLon, double maxLat) {
}
