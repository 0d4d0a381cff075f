package cn.hetu.county;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

import cn.hetu.geo.Crs;

/**
 * The county Hetu serves, asked by everyone who needs a county fact: its time zone and today's date there,
 * its extent, its Gauss-Krüger zones and the CRSs they make. The profile is read from the database; on
 * the first start it is loaded there from {@code hetu.county.profile-file} (the demo county's
 * {@code geodata/county.json} unless set).
 */
@Component
public class County {

    private static final Logger log = LoggerFactory.getLogger(County.class);

    private final CountyStore store;

    private final CountyProfileCheck check;

    private volatile CountyProfile profile;

    County(CountyStore store, CountyProfileCheck check, ObjectMapper json,
            @Value("${hetu.county.profile-file:classpath:geodata/county.json}") Resource file) {
        this.store = store;
        this.check = check;
        if (store.load().isEmpty()) {
            CountyProfile initial = check.checked(read(json, file));
            if (store.save(initial, "system", true)) {
                log.info("County profile of {} ({}) loaded from {}", initial.nameZh(), initial.code(), file);
            }
        }
        this.profile = store.load().orElseThrow();
    }

    private static CountyProfile read(ObjectMapper json, Resource file) {
        try (InputStream in = file.getInputStream()) {
            return json.readValue(in, CountyProfile.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("The county profile " + file + " cannot be read", e);
        }
    }

    public CountyProfile profile() {
        return profile;
    }

    /** Checks and stores a new profile, which every later question is answered from. */
    public CountyProfile replace(CountyProfile changed, String by) {
        store.save(check.checked(changed), by, false);
        profile = store.load().orElseThrow();
        return profile;
    }

    public ZoneId timeZone() {
        return ZoneId.of(profile.timeZone());
    }

    public LocalDate today() {
        return LocalDate.now(timeZone());
    }

    /** The first moment of a day in the county. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(timeZone()).toInstant();
    }

    /** West, south, east, north in lon/lat: features outside it point to swapped axes or a wrong CRS. */
    public double[] extent() {
        return profile.extent().clone();
    }

    public boolean contains(double lon, double lat) {
        double[] box = profile.extent();
        return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
    }

    /** The main Gauss-Krüger zone: a file in metres without a zone number is taken to be in it. */
    public int mainGkZone() {
        return profile.gkZones().get(0);
    }

    /** The CRSs features are offered in: the worldwide ones and the county's zones. */
    public List<Crs> crss() {
        return Crs.offered(profile.gkZones());
    }

    public List<String> crsUris() {
        return crss().stream().map(Crs::uri).toList();
    }

}
