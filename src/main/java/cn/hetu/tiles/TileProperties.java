package cn.hetu.tiles;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the vector tiles.
 *
 * @param maxFeatures features in one tile at most (the lowest ids win, so the cut is the same on every request)
 * @param statementTimeout how long the database may work on one tile before it gives up
 * @param cacheSize memory for finished tiles; 0 renders every tile afresh
 */
@ConfigurationProperties("hetu.tiles")
record TileProperties(@DefaultValue("20000") int maxFeatures, @DefaultValue("5s") Duration statementTimeout,
        @DefaultValue("256MB") DataSize cacheSize) {
}
