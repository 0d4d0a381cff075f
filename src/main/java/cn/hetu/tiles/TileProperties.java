package cn.hetu.tiles;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the vector tiles.
 *
 * @param maxFeatures features in one tile at most (the lowest ids win, so the cut is the same on every request);
 *     from zoom 13 on only, since lower tiles are generalised beyond {@code generaliseAbove}
 * @param statementTimeout how long the database may work on one tile before it gives up
 * @param cacheSize memory for finished tiles; 0 renders every tile afresh
 * @param generaliseAbove features a tile at zoom 12 or below may hold before it shows the small ones as cells
 */
@ConfigurationProperties("hetu.tiles")
record TileProperties(@DefaultValue("20000") int maxFeatures, @DefaultValue("5s") Duration statementTimeout,
        @DefaultValue("256MB") DataSize cacheSize, @DefaultValue("3000") int generaliseAbove) {
}
