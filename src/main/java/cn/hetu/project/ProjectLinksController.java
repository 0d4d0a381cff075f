package cn.hetu.project;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.security.LayerAccess;

/** The projects that touch a feature, for its details panel. */
@RestController
@RequestMapping("/api/v1/features")
class ProjectLinksController {

    record LinkedProject(long id, String code, String name, String status, BigDecimal progressPct,
            ProjectQueries.Progress progress) {
    }

    private final LayerAccess access;

    private final JdbcClient jdbc;

    ProjectLinksController(LayerAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @GetMapping("/{collection}/{id}/projects")
    List<LinkedProject> projects(@PathVariable String collection, @PathVariable long id) {
        access.readable(collection);
        access.readable("project");
        return jdbc.sql("""
                SELECT p.id, p.code, p.name, p.status, pr.pct AS progress_pct, pr.method AS progress_method,
                       pr.reported_by AS progress_reported_by, pr.reported_at AS progress_reported_at
                FROM project_asset pa JOIN project p ON p.id = pa.project_id
                LEFT JOIN LATERAL project_progress(p.id) pr ON true
                WHERE pa.collection = ? AND pa.asset_id = ?
                ORDER BY p.year DESC, p.code""")
            .params(collection, id)
            .query((rs, n) -> new LinkedProject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getBigDecimal(5), ProjectQueries.progress(rs)))
            .list();
    }

}
