package cn.hetu.styles;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/symbology}: how the map draws every collection, the one description the published styles follow too. */
@RestController
class SymbologyController {

    private final Symbology symbology;

    SymbologyController(Symbology symbology) {
        this.symbology = symbology;
    }

    @GetMapping("/api/v1/symbology")
    ObjectNode symbology() {
        return symbology.description();
    }

}
