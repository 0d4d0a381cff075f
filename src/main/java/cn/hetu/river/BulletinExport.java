package cn.hetu.river;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bulletin's ranking of chiefs as a table for CSV and XLSX, with the headers the county office reads. A
 * chief not yet judged this month has empty rank and compliance; the table of a month under way ends with a
 * line saying the figures are to date.
 */
final class BulletinExport {

    /** The river's headers speak of 河长 and 巡河, as the county's bulletin always did; other types of 巡查人员 and 巡查. */
    static List<String> header(String type) {
        boolean river = type.equals(PatrolTypes.RIVER);
        return List.of("排名", river ? "河长" : "巡查人员", "级别", "乡镇", "应巡次数", "达标次数", river ? "巡河次数" : "巡查次数",
                river ? "巡河达标率(%)" : "巡查达标率(%)", "发现问题", "办结问题", "逾期问题");
    }

    private static final Map<String, String> LEVELS = Map.of("county", "县级", "town", "乡镇级", "village", "村级");

    private BulletinExport() {
    }

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** @param county the time zone the note's "as of" is told in */
    static List<List<Object>> rows(Bulletins.Bulletin bulletin, ZoneId county) {
        List<List<Object>> rows = new ArrayList<>();
        for (Bulletins.ChiefLine c : bulletin.chiefs()) {
            rows.add(Arrays.asList(c.rank(), c.name(), LEVELS.getOrDefault(c.level(), c.level()), c.town(), c.required(),
                    c.done(), c.patrols(), c.compliancePct(), c.issuesFound(), c.issuesClosed(), c.issuesOverdue()));
        }
        if (!bulletin.complete()) {
            rows.add(List.of(toDateNote(bulletin, county)));
        }
        return rows;
    }

    static String toDateNote(Bulletins.Bulletin bulletin, ZoneId county) {
        return (bulletin.month() != null ? "注：本月尚未结束" : "注：本季尚未结束") + "，数字截至 " + AS_OF.withZone(county).format(bulletin.asOf()) + "；履职率和排名只计已结束的旬、周、月。";
    }

    /** The title of the sheet and file: 河长制通报 for rivers, the type's Chinese name otherwise, with the month or season. */
    static String title(Bulletins.Bulletin bulletin, PatrolType type) {
        String what = type.id().equals(PatrolTypes.RIVER) ? "河长制通报" : type.name().zh() + "通报";
        return what + "-" + (bulletin.month() != null ? bulletin.month()
                : bulletin.from().getYear() + type.season(bulletin.season()).map(s -> s.name().zh()).orElse(bulletin.season()));
    }

    static String fileName(Bulletins.Bulletin bulletin, PatrolType type, String extension) {
        return title(bulletin, type) + "." + extension;
    }

}
