package cn.hetu.station;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;

/** Village service stations: coverage of the villages and door-to-door visits; the stations themselves are features. */
@RestController
@RequestMapping("/api/v1/service-stations")
class ServiceStationController {

    private final ServiceStations stations;

    private final County county;

    ServiceStationController(ServiceStations stations, County county) {
        this.county = county;
        this.stations = stations;
    }

    /** Every village with its nearest station; {@code distance} in metres, 2 000 by default (就近办). */
    @GetMapping("/coverage")
    ServiceStations.Coverage coverage(@RequestParam(defaultValue = "2000") int distance) {
        if (distance < 1 || distance > 50_000) {
            throw new InvalidParameterException("distance", "distance is between 1 and 50 000 metres");
        }
        return stations.coverage(distance);
    }

    @GetMapping("/{id}/visits")
    List<ServiceStations.Visit> visits(@PathVariable long id) {
        return stations.visits(id);
    }

    @PostMapping("/{id}/visits")
    ResponseEntity<List<ServiceStations.Visit>> addVisit(@PathVariable long id, @RequestBody ServiceStations.NewVisit visit) {
        stations.addVisit(id, visit, county.today());
        return ResponseEntity.status(201).body(stations.visits(id));
    }

}
