package cn.hetu.river;

import java.util.List;
import java.util.Map;

/** The bulletin's ranking of chiefs as a table for CSV and XLSX, with the headers the county office reads. */
final class BulletinExport {

    static final List<String> HEADER = List.of("排名", "河长", "级别", "乡镇", "应巡次数", "达标次数", "巡河次数", "巡河达标率(%)",
            "发现问题", "办结问题", "逾期问题");

    private static final Map<String, String> LEVELS = Map.of("county", "县级", "town", "乡镇级", "village", "村级");

    private BulletinExport() {
    }

    static List<List<Object>> rows(Bulletins.Bulletin bulletin) {
        return bulletin.chiefs()
            .stream()
            .<List<Object>>map(c -> List.of(c.rank(), c.name(), LEVELS.getOrDefault(c.level(), c.level()), c.town(),
                    c.required(), c.done(), c.patrols(), c.compliancePct(), c.issuesFound(), c.issuesClosed(),
                    c.issuesOverdue()))
            .toList();
    }

    static String fileName(Bulletins.Bulletin bulletin, String extension) {
        return "河长制通报-" + bulletin.month() + "." + extension;
    }

}
