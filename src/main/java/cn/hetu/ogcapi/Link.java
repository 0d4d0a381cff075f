package cn.hetu.ogcapi;

/** A web link of an OGC API document. */
record Link(String href, String rel, String type, String title) {
}
