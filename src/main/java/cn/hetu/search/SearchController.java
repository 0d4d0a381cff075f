package cn.hetu.search;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.system.InvalidParameterException;

/** One search box over every collection, by name or code. */
@RestController
@RequestMapping("/api/v1")
class SearchController {

    private final FeatureSearch search;

    SearchController(FeatureSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    List<FeatureSearch.Hit> search(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
        String text = q.trim();
        if (text.isEmpty()) {
            throw new InvalidParameterException("q", "q must not be empty");
        }
        if (limit < 1 || limit > 100) {
            throw new InvalidParameterException("limit", "limit must be between 1 and 100, got " + limit);
        }
        return search.find(text, limit);
    }

}
