package cn.hetu.ogcapi;

/** A bounding box in the axis order of its CRS: lower and upper values of the first and second axis. */
record Bbox(double min1, double min2, double max1, double max2) {
}
