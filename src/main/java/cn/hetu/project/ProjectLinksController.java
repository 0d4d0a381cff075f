package cn.hetu.project;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.security.LayerAccess;

/** The projects that touch a feature, for its details panel. */
@RestController
@RequestMapping("/api/v1/features")
class ProjectLinksController {

    private final LayerAccess access;

    private final ProjectQueries queries;

    ProjectLinksController(LayerAccess access, ProjectQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/{collection}/{id}/projects")
    List<ProjectQueries.LinkedProject> projects(@PathVariable String collection, @PathVariable long id) {
        access.readable(collection);
        access.readable("project");
        return queries.linkedTo(collection, id);
    }

}
