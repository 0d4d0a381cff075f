package cn.hetu.land;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Satellite enforcement patches (卫片执法): judgement, rectification, and the figures of the cadence. */
@RestController
@RequestMapping("/api/v1/enforcement")
class EnforcementController {

    private final EnforcementPatches patches;

    private final EnforcementFigures figures;

    EnforcementController(EnforcementPatches patches, EnforcementFigures figures) {
        this.patches = patches;
        this.figures = figures;
    }

    @GetMapping("/batches")
    List<Map<String, Object>> batches() {
        return patches.batches();
    }

    @GetMapping("/patches")
    List<Map<String, Object>> patches(@RequestParam String batch) {
        return patches.ofBatch(batch);
    }

    @GetMapping("/patches/{id}")
    Map<String, Object> patch(@PathVariable long id) {
        return patches.detail(id);
    }

    @PostMapping("/patches/{id}/judgement")
    Map<String, Object> judge(@PathVariable long id, @RequestBody EnforcementPatches.Judgement judgement) {
        return patches.judge(id, judgement);
    }

    @PostMapping("/patches/{id}/transitions")
    Map<String, Object> transition(@PathVariable long id, @RequestBody EnforcementPatches.Transition transition) {
        return patches.transition(id, transition);
    }

    /** 月清 (2026-09), 季度预警 (2026-Q3), 半年分析 (2026-H2), 年度评估 (2026), by town and change type. */
    @GetMapping("/figures")
    EnforcementFigures.Figures figures(@RequestParam String period) {
        return figures.of(period);
    }

}
