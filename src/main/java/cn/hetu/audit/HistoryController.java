package cn.hetu.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.system.InvalidParameterException;

/** The history of each feature, restoring an earlier version, and the feed of recent changes. */
@RestController
@RequestMapping("/api/v1")
class HistoryController {

    private final History history;

    HistoryController(History history) {
        this.history = history;
    }

    @GetMapping("/features/{collection}/{id}/history")
    List<History.Change> featureHistory(@PathVariable String collection, @PathVariable long id) {
        return history.ofFeature(collection, id);
    }

    /** Makes the feature what it was right after change {@code changeId}; undeletes it if it is gone. */
    @PostMapping("/features/{collection}/{id}/history/{changeId}/restore")
    History.Change restore(@PathVariable String collection, @PathVariable long id, @PathVariable long changeId) {
        return history.restore(collection, id, changeId);
    }

    @GetMapping("/changes")
    List<History.Change> recent(@RequestParam(required = false) String user,
            @RequestParam(required = false) String collection, @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidParameterException("limit", "limit must be between 1 and 500, got " + limit);
        }
        return history.recent(user, collection, before, limit);
    }

}
