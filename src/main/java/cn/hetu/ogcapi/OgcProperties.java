package cn.hetu.ogcapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paging limits of the feature API.
 *
 * @param exactCountBelow tables with fewer rows (by the planner's estimate) get an exact
 *        {@code numberMatched}; bigger ones leave it out instead of counting a million rows per page
 */
@ConfigurationProperties("hetu.ogc")
record OgcProperties(int defaultLimit, int maxLimit, long exactCountBelow) {
}
