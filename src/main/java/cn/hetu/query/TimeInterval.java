package cn.hetu.query;

import java.time.OffsetDateTime;

/** The interval of a {@code datetime} parameter; a null end is open. An instant has start equal to end. */
public record TimeInterval(OffsetDateTime start, OffsetDateTime end) {
}
