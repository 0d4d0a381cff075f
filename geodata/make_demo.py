#!/usr/bin/env python3
"""Generate the Hetu demo data set.

Writes one GeoJSON FeatureCollection per registry collection and the offline
basemap layers into the folder of this script. The county is fictional (a plain
in northern Anhui, lon 116.0-116.6, lat 33.0-33.5); its rivers, sluices, road
nodes, projects and targets are the ones the five 2023 work plans in shared/seed
name, while villages, ditch names and companies are made up. Geometry is built in a
local metric frame and measured on the CGCS2000 ellipsoid, so the lengths and
areas written here are the ones PostGIS computes from the geometry.

Deterministic: stdlib only, every random choice comes from a seeded generator.
Run from the repository root:  python3 geodata/make_demo.py
"""

import json
import math
import random
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent
SEED = 20230101
# Project progress and parcel disposals are recorded as of this day; the asset
# inventories (ditches, sluices, bridges) reproduce the plans' early-2023 baseline.
AS_OF = date(2026, 10, 31)
BBOX = (116.0, 33.0, 116.6, 33.5)
COUNTY_CODE = "341621"

DEPARTMENTS = (  # as V1__registry.sql names them
    ("water", "县水利局", "County Water Resources Bureau"),
    ("natres", "自然资源和规划局", "Natural Resources and Planning Bureau"),
    ("commerce", "科工商务局", "Science, Industry and Commerce Bureau"),
    ("approval", "县行政审批局", "County Administrative Approval Bureau"),
    ("donglinxi", "东临溪镇人民政府", "Donglinxi Town Government"),
)


def rng_for(layer):
    """One generator per layer, so changing one layer leaves the others stable."""
    return random.Random(f"{SEED}:{layer}")


# ---------------------------------------------------------------- geodesy

A_AXIS = 6378137.0
FLATTENING = 1 / 298.257222101  # CGCS2000 (= GRS80 to the metre)
B_AXIS = A_AXIS * (1 - FLATTENING)
E2 = FLATTENING * (2 - FLATTENING)
LON0, LAT0 = 116.30, 33.25  # origin of the local metric frame


def metres_per_degree_lat(lat):
    s = math.sin(math.radians(lat))
    return math.radians(1) * A_AXIS * (1 - E2) / (1 - E2 * s * s) ** 1.5


def metres_per_degree_lon(lat):
    s = math.sin(math.radians(lat))
    return math.radians(1) * A_AXIS * math.cos(math.radians(lat)) / math.sqrt(1 - E2 * s * s)


M_PER_DEG_LAT = metres_per_degree_lat(LAT0)


def to_lonlat(p):
    lat = LAT0 + p[1] / M_PER_DEG_LAT
    return LON0 + p[0] / metres_per_degree_lon(lat), lat


def xy(lon, lat):
    return (lon - LON0) * metres_per_degree_lon(lat), (lat - LAT0) * M_PER_DEG_LAT


def rounded_lonlat(p):
    lon, lat = to_lonlat(p)
    return round(lon, 6), round(lat, 6)


def geodesic_distance(p, q):
    """Vincenty's inverse formula on the CGCS2000 ellipsoid; p and q are (lon, lat)."""
    lam_0 = math.radians(q[0] - p[0])
    u1 = math.atan((1 - FLATTENING) * math.tan(math.radians(p[1])))
    u2 = math.atan((1 - FLATTENING) * math.tan(math.radians(q[1])))
    sin_u1, cos_u1, sin_u2, cos_u2 = math.sin(u1), math.cos(u1), math.sin(u2), math.cos(u2)
    lam = lam_0
    for _ in range(100):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        if sin_sigma == 0:
            return 0.0
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cos_u1 * cos_u2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha ** 2
        cos_2sm = cos_sigma - 2 * sin_u1 * sin_u2 / cos2_alpha if cos2_alpha else 0.0
        c = FLATTENING / 16 * cos2_alpha * (4 + FLATTENING * (4 - 3 * cos2_alpha))
        previous = lam
        lam = lam_0 + (1 - c) * FLATTENING * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (2 * cos_2sm ** 2 - 1)))
        if abs(lam - previous) < 1e-12:
            break
    u_sq = cos2_alpha * (A_AXIS ** 2 - B_AXIS ** 2) / B_AXIS ** 2
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    delta_sigma = big_b * sin_sigma * (cos_2sm + big_b / 4 * (
        cos_sigma * (2 * cos_2sm ** 2 - 1)
        - big_b / 6 * cos_2sm * (4 * sin_sigma ** 2 - 3) * (4 * cos_2sm ** 2 - 3)))
    return B_AXIS * big_a * (sigma - delta_sigma)


def geodesic_length(line):
    """Length in metres of an xy line, measured on the rounded lon/lat that is written."""
    pts = [rounded_lonlat(p) for p in line]
    return sum(geodesic_distance(a, b) for a, b in zip(pts, pts[1:]))


# ---------------------------------------------------------------- plane geometry

def lerp(a, b, t):
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def dist(a, b):
    return math.hypot(b[0] - a[0], b[1] - a[1])


def from_bearing(origin, bearing, distance):
    """Point `distance` metres from origin on a compass bearing (0 = north, 90 = east)."""
    r = math.radians(bearing)
    return origin[0] + distance * math.sin(r), origin[1] + distance * math.cos(r)


def bearing_of(vector):
    return math.degrees(math.atan2(vector[0], vector[1])) % 360


def chaikin(points, rounds):
    """Corner-cutting smoothing that keeps both end points."""
    for _ in range(rounds):
        smooth = [points[0]]
        for a, b in zip(points, points[1:]):
            smooth += [lerp(a, b, 0.25), lerp(a, b, 0.75)]
        smooth.append(points[-1])
        points = smooth
    return points


def resample(points, step):
    """Points every `step` metres along the line, ending on its last point."""
    out = [points[0]]
    carry = 0.0
    for a, b in zip(points, points[1:]):
        seg = dist(a, b)
        s = step - carry
        while s < seg:
            out.append(lerp(a, b, s / seg))
            s += step
        carry = seg - (s - step)
    if dist(out[-1], points[-1]) > step * 0.3:
        out.append(points[-1])
    else:
        out[-1] = points[-1]
    return out


def left_normals(points):
    normals = []
    for i in range(len(points)):
        a, b = points[max(i - 1, 0)], points[min(i + 1, len(points) - 1)]
        length = dist(a, b)
        normals.append((-(b[1] - a[1]) / length, (b[0] - a[0]) / length))
    return normals


def offset_line(points, distance):
    """Parallel line, `distance` metres to the left (negative: to the right)."""
    return [(p[0] + n[0] * distance, p[1] + n[1] * distance)
            for p, n in zip(points, left_normals(points))]


def polygon_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def _orientation(a, b, c):
    v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (v > 1e-9) - (v < -1e-9)


def _on_segment(a, b, p):
    return min(a[0], b[0]) - 1e-9 <= p[0] <= max(a[0], b[0]) + 1e-9 and \
        min(a[1], b[1]) - 1e-9 <= p[1] <= max(a[1], b[1]) + 1e-9


def segments_intersect(p1, p2, q1, q2):
    """True if the closed segments share a point."""
    o1, o2 = _orientation(p1, p2, q1), _orientation(p1, p2, q2)
    o3, o4 = _orientation(q1, q2, p1), _orientation(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return any(o == 0 and _on_segment(a, b, p) for o, a, b, p in (
        (o1, p1, p2, q1), (o2, p1, p2, q2), (o3, q1, q2, p1), (o4, q1, q2, p2)))


def intersection_point(p1, p2, q1, q2):
    d = (p2[0] - p1[0]) * (q2[1] - q1[1]) - (p2[1] - p1[1]) * (q2[0] - q1[0])
    if d == 0:  # collinear overlap: any shared point will do
        return q1 if _on_segment(p1, p2, q1) else q2
    t = ((q1[0] - p1[0]) * (q2[1] - q1[1]) - (q1[1] - p1[1]) * (q2[0] - q1[0])) / d
    return lerp(p1, p2, t)


def point_segment_distance(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    length_sq = dx * dx + dy * dy
    t = 0.0 if length_sq == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_sq))
    return dist(p, (a[0] + t * dx, a[1] + t * dy))


def point_in_ring(p, ring):
    inside = False
    for a, b in zip(ring, ring[1:]):
        if (a[1] > p[1]) != (b[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if x > p[0]:
                inside = not inside
    return inside


def drop_start(line):
    """The line without its first metre, so that touching a receiving line at the mouth is no crossing."""
    return [lerp(line[0], line[1], min(0.5, 1.0 / dist(line[0], line[1])))] + line[1:]


class SegmentIndex:
    """A uniform grid of tagged segments for crossing and distance queries."""

    def __init__(self, cell=500.0):
        self.cell = cell
        self.grid = defaultdict(list)

    def _keys(self, a, b, pad):
        c = self.cell
        for i in range(math.floor((min(a[0], b[0]) - pad) / c), math.floor((max(a[0], b[0]) + pad) / c) + 1):
            for j in range(math.floor((min(a[1], b[1]) - pad) / c), math.floor((max(a[1], b[1]) + pad) / c) + 1):
                yield i, j

    def add(self, line, tag):
        for a, b in zip(line, line[1:]):
            segment = (a, b, tag)
            for key in self._keys(a, b, 0.0):
                self.grid[key].append(segment)

    def near(self, a, b, pad=0.0):
        seen = set()
        for key in self._keys(a, b, pad):
            for segment in self.grid.get(key, ()):
                if id(segment) not in seen:
                    seen.add(id(segment))
                    yield segment

    def crossings(self, line, ignore=()):
        """(point, tag) of every crossing of line with an indexed segment."""
        return [(intersection_point(a, b, q1, q2), tag)
                for a, b in zip(line, line[1:]) for q1, q2, tag in self.near(a, b)
                if tag not in ignore and segments_intersect(a, b, q1, q2)]

    def crosses(self, line, ignore=()):
        return any(tag not in ignore and segments_intersect(a, b, q1, q2)
                   for a, b in zip(line, line[1:]) for q1, q2, tag in self.near(a, b))

    def distance(self, p, radius, ignore=()):
        """Distance to the nearest segment, or infinity if none lies within radius."""
        best = math.inf
        for a, b, tag in self.near(p, p, radius):
            if tag not in ignore:
                best = min(best, point_segment_distance(p, a, b))
        return best


def is_simple(line):
    index = SegmentIndex(300.0)
    for i, (a, b) in enumerate(zip(line, line[1:])):
        index.add([a, b], i)
    return not any(segments_intersect(a, b, q1, q2)
                   for i, (a, b) in enumerate(zip(line, line[1:]))
                   for q1, q2, j in index.near(a, b) if abs(i - j) > 1)


class Chained:
    """A line with its geodesic chainage (metres from the first vertex) at every vertex."""

    def __init__(self, points):
        self.points = points
        self.chainage = [0.0]
        lonlat = [to_lonlat(p) for p in points]
        for a, b in zip(lonlat, lonlat[1:]):
            self.chainage.append(self.chainage[-1] + geodesic_distance(a, b))

    @property
    def length(self):
        return self.chainage[-1]

    def locate(self, s):
        """(index of the segment holding chainage s, point at s)."""
        if not 0 <= s <= self.length:
            raise ValueError(f"chainage {s:.0f} outside a line of {self.length:.0f} m")
        i = min(max(bisect_right(self.chainage, s) - 1, 0), len(self.points) - 2)
        span = self.chainage[i + 1] - self.chainage[i]
        return i, lerp(self.points[i], self.points[i + 1], (s - self.chainage[i]) / span)

    def point(self, s):
        return self.locate(s)[1]

    def piece(self, start, end):
        i, p = self.locate(start)
        j, q = self.locate(end)
        inner = [v for v, c in zip(self.points[i + 1:j + 1], self.chainage[i + 1:j + 1]) if start < c < end]
        return [p] + inner + [q]

    def project(self, p):
        """Chainage of the point of the line nearest to p."""
        best = min(range(len(self.points) - 1),
                   key=lambda k: point_segment_distance(p, self.points[k], self.points[k + 1]))
        a, b = self.points[best], self.points[best + 1]
        span = dist(a, b) ** 2
        t = max(0.0, min(1.0, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / span))
        return self.chainage[best] + t * (self.chainage[best + 1] - self.chainage[best])

    def snap(self, s):
        """The chainage of the vertex nearest to chainage s."""
        return min(self.chainage, key=lambda c: abs(c - s))

    def normal(self, s):
        """Unit vector to the left of the flow at chainage s."""
        i, _ = self.locate(s)
        a, b = self.points[i], self.points[i + 1]
        length = dist(a, b)
        return -(b[1] - a[1]) / length, (b[0] - a[0]) / length


def cut_to_length(points, length):
    """The start of the line whose geodesic length is exactly `length` metres."""
    line = Chained(points)
    if line.length < length:
        raise ValueError(f"line of {line.length:.0f} m is shorter than {length:.0f} m")
    return line.piece(0.0, length)


# ---------------------------------------------------------------- towns, boundary, roads

@dataclass
class Town:
    name: str
    name_en: str
    seat: tuple
    radius: float  # built-up area: kept free of ditches, holds the land parcels


TOWNS = [Town(name, name_en, xy(lon, lat), radius) for name, name_en, lon, lat, radius in (
    ("城关镇", "Chengguan", 116.300, 33.255, 3200),
    ("东临溪镇", "Donglinxi", 116.430, 33.300, 2000),
    ("石弓镇", "Shigong", 116.500, 33.190, 1700),
    ("龙山镇", "Longshan", 116.150, 33.395, 1700),
    ("涡南镇", "Wonan", 116.250, 33.110, 1700),
    ("曹市镇", "Caoshi", 116.100, 33.245, 1700),
)]
TOWN = {t.name: t for t in TOWNS}
COUNTY_SEAT = "城关镇"


def nearest_town(p):
    return min(TOWNS, key=lambda t: dist(t.seat, p)).name


def in_built_up(p, margin=0.0):
    return any(dist(p, t.seat) < t.radius + margin for t in TOWNS)


ROADS = [  # name, route number, kind, control points (lon, lat)
    ("G205国道", "G205", "national",
     [(116.47, 33.52), (116.445, 33.40), (116.43, 33.30), (116.40, 33.20), (116.38, 33.10), (116.37, 32.98)]),
    ("亳蒙高速", None, "expressway",
     [(115.97, 33.34), (116.08, 33.31), (116.20, 33.225), (116.30, 33.19), (116.40, 33.16), (116.50, 33.10),
      (116.58, 33.02)]),
    ("徐淮阜高速", None, "expressway",
     [(116.52, 33.52), (116.34, 33.40), (116.21, 33.26), (116.11, 33.12), (116.05, 32.98)]),
    ("城龙路", "X001", "county", [(116.300, 33.255), (116.24, 33.33), (116.150, 33.395)]),
    ("城曹路", "X002", "county", [(116.300, 33.255), (116.20, 33.245), (116.100, 33.245)]),
    ("城涡路", "X003", "county", [(116.300, 33.255), (116.28, 33.18), (116.250, 33.110)]),
    ("城石路", "X004", "county", [(116.300, 33.255), (116.40, 33.235), (116.500, 33.190)]),
    ("源白路", "X005", "county", [(116.36, 33.37), (116.44, 33.352), (116.52, 33.345)]),
    ("曹涡路", "X006", "county", [(116.100, 33.245), (116.17, 33.17), (116.250, 33.110)]),
]
EXPRESSWAYS = ("亳蒙高速", "徐淮阜高速")


def make_county_ring():
    """A star-shaped (hence simple) rounded-rectangle outline with an irregular edge."""
    rng = rng_for("county")
    harmonics = [(k, rng.uniform(0.3, 1.0) * 0.06 / k, rng.uniform(0, 2 * math.pi)) for k in range(2, 41)]
    ring = []
    for degree in range(360):
        t = math.radians(degree)
        c, s = math.cos(t), math.sin(t)
        radius = 1 / ((abs(c) / 25500) ** 3 + (abs(s) / 24000) ** 3) ** (1 / 3)
        radius *= 1 + sum(a * math.sin(k * t + phase) for k, a, phase in harmonics)
        ring.append((radius * c, radius * s))
    return ring + [ring[0]]


def clip_to(line, ring):
    """The longest run of consecutive vertices inside the ring."""
    runs, run = [], []
    for p in line:
        if point_in_ring(p, ring):
            run.append(p)
        else:
            runs.append(run)
            run = []
    return max(runs + [run], key=len)


# ---------------------------------------------------------------- rivers and dikes

COUNTY_RIVERS = [  # name, control points (lon, lat) in the direction of flow
    ("包河", [(116.02, 33.47), (116.14, 33.43), (116.23, 33.38), (116.32, 33.335), (116.40, 33.285),
            (116.47, 33.225), (116.505, 33.205), (116.60, 33.14)]),
    ("涡河", [(115.99, 33.31), (116.12, 33.28), (116.22, 33.262), (116.30, 33.243), (116.38, 33.215),
            (116.46, 33.16), (116.53, 33.10), (116.60, 33.05)]),
    ("西淝河", [(115.98, 33.20), (116.08, 33.16), (116.17, 33.11), (116.24, 33.075), (116.30, 33.035),
             (116.34, 32.99)]),
]
DREDGING_M = 12530  # 疏浚包河（喇叭沟口~石弓）12.53 km
FLOOD_ROAD_M = 24670  # 包河右岸（白洋沟~郑沟村）防汛道路 24.67 km


@dataclass
class Tributary:
    name: str
    level: str
    parent: str
    mouth: object  # (lon, lat) near the mouth, a node name on the parent, or a chainage in metres
    bearing: float
    length: float


TRIBUTARIES = [Tributary(*spec) for spec in (
    ("岭子沟", "town", "包河", (116.14, 33.428), 200, 5500),
    ("五道沟", "town", "包河", (116.19, 33.405), 50, 6000),
    ("白洋沟", "town", "包河", (116.30, 33.345), 215, 6000),
    ("喇叭沟", "town", "包河", "喇叭沟口", 235, 4500),
    ("青羊沟", "town", "包河", (116.46, 33.235), 35, 8000),
    ("界沟", "town", "包河", (116.37, 33.305), 30, 9000),
    ("白膏沟", "town", "涡河", (116.08, 33.282), 350, 6500),
    ("武家河", "town", "涡河", (116.33, 33.238), 25, 5500),
    ("北拖江沟", "town", "涡河", (116.36, 33.222), 195, 5000),
    ("拖江沟", "town", "涡河", (116.45, 33.168), 190, 4500),
    ("白羊沟", "town", "涡河", (116.50, 33.127), 60, 4500),
    # 西淝河 first-level tributaries: 22.45 km in all
    ("西柳沟", "town", "西淝河", (116.06, 33.165), 10, 6120),
    ("大青龙沟", "town", "西淝河", (116.13, 33.135), 5, 5830),
    ("车辙沟", "town", "西淝河", (116.20, 33.095), 0, 5210),
    ("东柳沟", "town", "西淝河", (116.265, 33.060), 20, 5290),
    # second-level tributaries: 25.01 km in all
    ("安宁沟", "village", "大青龙沟", 4000.0, 60, 12840),
    ("三堂新沟", "village", "东柳沟", 3500.0, 70, 12170),
    # village-level channels
    ("红旗沟", "village", "包河", (116.225, 33.385), 200, 4500),
    ("跃进沟", "village", "包河", (116.27, 33.362), 30, 4000),
    ("胜利沟", "village", "包河", (116.53, 33.188), 45, 4000),
    ("团结沟", "village", "涡河", (116.19, 33.267), 350, 4000),
    ("幸福沟", "village", "涡河", (116.15, 33.274), 170, 4500),
    ("清水沟", "village", "西淝河", (116.22, 33.085), 170, 3000),
    ("红卫沟", "village", "北拖江沟", 3000.0, 240, 5500),
)]
XIFEI_FIRST = ("西柳沟", "大青龙沟", "车辙沟", "东柳沟")
XIFEI_SECOND = ("安宁沟", "三堂新沟")
RIVER_BREAKS = {  # nodes that split a county river into river-chief segments
    "包河": ["岭子沟口", "五道沟口", "白洋沟口", "喇叭沟口", "石弓"],
    "涡河": ["白膏沟口", "团结沟口", "武家河口", "北拖江沟口", "白羊沟口"],
    "西淝河": ["西柳沟口", "大青龙沟口", "车辙沟口", "东柳沟口"],
}


def meander(rng, control, amplitude, taper=0.0, step=100.0):
    """A smooth channel along the control polyline, bent by waves 1.2 to 10 km long.

    Shorter waves get smaller amplitudes, which keeps the bends wide compared with the
    100-150 m dike offsets (build_dikes still checks that no offset line folds over)."""
    centre = resample(chaikin(control, 5), step)
    waves = []
    for _ in range(5):
        wavelength = math.exp(rng.uniform(math.log(1200), math.log(10000)))
        waves.append((amplitude * wavelength / 8000 * rng.uniform(0.5, 1.0), wavelength,
                      rng.uniform(0, 2 * math.pi)))
    out, s = [], 0.0
    for i, (p, n) in enumerate(zip(centre, left_normals(centre))):
        s += dist(centre[i - 1], p) if i else 0.0
        shift = sum(a * math.sin(2 * math.pi * s / length + phase) for a, length, phase in waves)
        if taper:
            shift *= min(1.0, s / taper)
        out.append((p[0] + n[0] * shift, p[1] + n[1] * shift))
    return out


def grow_channel(rng, mouth, bearing, length):
    """A channel leaving `mouth` on a compass bearing, exactly `length` metres long."""
    middle = from_bearing(mouth, bearing + rng.uniform(-12, 12), length * 0.65)
    end = from_bearing(middle, bearing + rng.uniform(-12, 12), length * 0.65)
    return cut_to_length(meander(rng, [mouth, middle, end], amplitude=140, taper=800), length)


# ---------------------------------------------------------------- features and the shared state

@dataclass
class Asset:
    kind: str  # GeoJSON geometry type
    coords: object  # local xy coordinates, nested as GeoJSON nests them
    props: dict


def core(name, status, department, town, remarks=None, attributes=None):
    """The properties every asset shares; the code is set by number_codes."""
    return {"code": None, "name": name, "status": status, "department": department, "town": town,
            "remarks": remarks, "attributes": attributes or {}}


def number_codes(assets, pattern):
    for i, asset in enumerate(assets, 1):
        asset.props["code"] = pattern.format(i)
    return assets


@dataclass
class Village:
    name: str
    point: tuple
    town: str


class World:
    """Everything later layers are placed against."""

    def __init__(self):
        self.county = make_county_ring()
        self.county_index = SegmentIndex()
        self.county_index.add(self.county, "county")
        self.roads = {}  # name -> Chained
        self.rivers = {}  # name -> Chained, county rivers and their tributaries
        self.parents = {}  # tributary -> receiving river
        self.nodes = defaultdict(dict)  # river -> {node name: chainage}
        self.river_index = SegmentIndex()
        self.layers = {}  # collection -> [Asset]
        self.villages = []
        self.flood_road_end = None  # last two vertices of the 包河 right-bank flood-control dike
        self.g205_bridge = None  # where G205 crosses 包河 (五里亭桥)
        self.sites = {}  # project footprints reserved among the town blocks

    def inside(self, p, margin=0.0):
        return point_in_ring(p, self.county) and self.county_index.distance(p, margin) >= margin

    def layer_index(self, *collections):
        index = SegmentIndex()
        for collection in collections:
            for asset in self.layers[collection]:
                index.add(asset.coords, asset.props["code"])
        return index

    def find(self, collection, **match):
        return [a for a in self.layers[collection] if all(a.props.get(k) == v for k, v in match.items())]

    def named(self, collection, *names):
        return [a for name in names for a in self.find(collection, name=name)]

    def site(self, name):
        return "Polygon", [self.sites[name]]


def build_roads(world):
    for name, _, _, control in ROADS:
        line = resample(chaikin([xy(*c) for c in control], 2), 250)
        world.roads[name] = Chained(clip_to(line, world.county))


def mouth_chainage(world, trib):
    """Mouths sit on a vertex of the receiving line (or on a segment node), so that the two lines
    share that point exactly and only touch."""
    if isinstance(trib.mouth, str):
        return world.nodes[trib.parent][trib.mouth]
    parent = world.rivers[trib.parent]
    return parent.snap(trib.mouth if isinstance(trib.mouth, float) else parent.project(xy(*trib.mouth)))


def build_rivers(world):
    rng = rng_for("rivers")
    for name, control in COUNTY_RIVERS:
        line = meander(rng, [xy(*c) for c in control], amplitude=260)
        world.rivers[name] = Chained(clip_to(line, world.county))
    shigong = world.rivers["包河"].project(TOWN["石弓镇"].seat)
    world.nodes["包河"].update({"石弓": shigong, "喇叭沟口": shigong - DREDGING_M})
    for trib in TRIBUTARIES:
        s = mouth_chainage(world, trib)
        line = grow_channel(rng, world.rivers[trib.parent].point(s), trib.bearing, trib.length)
        world.rivers[trib.name] = Chained(line)
        world.parents[trib.name] = trib.parent
        world.nodes[trib.parent][f"{trib.name}口"] = s
    check_river_network(world)


def check_river_network(world):
    """Channels may only touch at their mouths, never cross, and stay inside the county."""
    index = SegmentIndex()
    for name, line in world.rivers.items():
        index.add(line.points, name)
    for name, line in world.rivers.items():
        children = {c for c, p in world.parents.items() if p == name}
        hits = index.crossings(drop_start(line.points), ignore={name} | children)
        if hits:
            raise ValueError(f"{name} crosses {sorted({tag for _, tag in hits})}")
        if not is_simple(line.points) or world.county_index.crosses(line.points):
            raise ValueError(f"{name} crosses itself or the county boundary")
    world.river_index = index


def county_river_segments(world, river):
    line = world.rivers[river]
    labels = ["入境"] + RIVER_BREAKS[river] + ["出境"]
    marks = [0.0] + [world.nodes[river][label] for label in RIVER_BREAKS[river]] + [line.length]
    if any(b - a < 1000 for a, b in zip(marks, marks[1:])):
        raise ValueError(f"{river}: segment nodes out of order or closer than 1 km")
    for (start, end), (s, e) in zip(zip(labels, labels[1:]), zip(marks, marks[1:])):
        dredged = (start, end) == ("喇叭沟口", "石弓")
        yield Asset("LineString", line.piece(s, e), core(
            f"{river}{start}至{end}段", "completed" if dredged else "none", "water",
            nearest_town(line.point((s + e) / 2)),
            "包浍河治理工程疏浚段，2024年完工" if dredged else None,
            {"from": start, "to": end}) | {"river": river, "level": "county"})


def tributary_work(name):
    """(status, remarks) from the 西淝河 tributary programme."""
    if name in XIFEI_FIRST:
        return "completed", "西淝河流域一级支流治理，2024年完工"
    if name in XIFEI_SECOND:
        return "under_construction", "西淝河流域二级支流治理，在建"
    return "none", None


def build_river_segments(world):
    assets = [a for river, _ in COUNTY_RIVERS for a in county_river_segments(world, river)]
    for trib in TRIBUTARIES:
        line = world.rivers[trib.name]
        status, remarks = tributary_work(trib.name)
        assets.append(Asset("LineString", line.points, core(
            trib.name, status, "water", nearest_town(line.point(line.length / 2)), remarks,
            {"flows_into": trib.parent}) | {"river": trib.name, "level": trib.level}))
    per_town = {t.name: sum(a.props["town"] == t.name for a in assets) for t in TOWNS}
    if min(per_town.values()) < 3:
        raise ValueError(f"every town needs three river segments: {per_town}")
    world.layers["river_segment"] = number_codes(assets, "HD-{:03d}")


def build_dikes(world):
    baohe, guo, xifei = (world.rivers[n] for n in ("包河", "涡河", "西淝河"))
    nb, ng, nx = (world.nodes[n] for n in ("包河", "涡河", "西淝河"))
    flood_road = cut_to_length(offset_line(baohe.piece(nb["白洋沟口"], baohe.length), -150), FLOOD_ROAD_M)
    world.flood_road_end = flood_road[-2:]
    city = (ng["武家河口"] - 6000, ng["北拖江沟口"] + 4000)
    specs = [  # name, river, bank, grade, status, line, remarks
        ("包河右岸堤防（白洋沟—郑沟村）", "包河", "right", 4, "completed", flood_road,
         "堤顶防汛道路24.67 km（含建筑物连接路），包浍河治理工程2025年建成"),
        ("包河左岸堤防（岭子沟口—白洋沟口）", "包河", "left", 4, "none",
         offset_line(baohe.piece(nb["岭子沟口"], nb["白洋沟口"]), 150), None),
        ("涡河左岸堤防（城关段）", "涡河", "left", 3, "none", offset_line(guo.piece(*city), 130), "城区防洪堤"),
        ("涡河右岸堤防（城关段）", "涡河", "right", 3, "none", offset_line(guo.piece(*city), -130), "城区防洪堤"),
        ("西淝河左岸堤防（大青龙沟口—东柳沟口）", "西淝河", "left", 4, "none",
         offset_line(xifei.piece(nx["大青龙沟口"], nx["东柳沟口"]), 120), None),
    ]
    assets = []
    for name, river, bank, grade, status, line, remarks in specs:
        if not is_simple(line) or world.river_index.crosses(line, ignore=set(world.parents)):
            raise ValueError(f"{name} crosses itself or its river")
        assets.append(Asset("LineString", line, core(
            name, status, "water", nearest_town(Chained(line).point(Chained(line).length / 2)), remarks)
            | {"river": river, "bank": bank, "grade": grade}))
    world.layers["dike"] = number_codes(assets, "DF-{:02d}")


# ---------------------------------------------------------------- G205 nodes and villages

G205_NODES = [  # name, node type, improvement; listed from the 包河 bridge northwards
    ("五里亭桥北侧", "bridge_approach", "桥头节点整治：拆除违章搭建，更新桥头护栏，增设绿化带和减速标线"),
    ("昆仑物流园路口", "entrance", "物流园出入口渠化：增设货车待行区和交通信号灯，提升路口照明和绿化"),
    ("广源路口", "intersection", "路口渠化改造：增设信号灯和人行横道，沿线立面整治"),
    ("镇政府路口", "intersection", "镇区门户节点：路口拓宽，铺装人行道，增设景观小品和夜景亮化"),
    ("临溪村路口", "village_entrance", "村口节点整治：村名标识、错车道、路灯和绿化"),
    ("汊口村路口", "village_entrance", "村口节点整治：衔接美丽乡村建设，增设公交港湾和村口广场"),
    ("源白路交口", "intersection", "平交口改造：加大转弯半径，增设信号灯、交通标志和夜间照明"),
]


def build_road_nodes(world):
    """The seven nodes lie on the G205 line between the 包河 bridge and the 源白路 junction.

    G205 is drawn from north to south, so going north means going down the chainage."""
    g205 = world.roads["G205国道"]
    seat = TOWN["东临溪镇"].seat
    bridge = min((p for p, river in world.river_index.crossings(g205.points) if river == "包河"),
                 key=lambda p: dist(p, seat))
    junction = SegmentIndex()
    junction.add(world.roads["源白路"].points, "源白路")
    bridge_s, seat_s = g205.project(bridge), g205.project(seat)
    junction_s = g205.project(junction.crossings(g205.points)[0][0])
    marks = [bridge_s - 150] + [bridge_s - (bridge_s - seat_s) * k / 3 for k in (1, 2)] + [seat_s] + \
            [seat_s - (seat_s - junction_s) * k / 3 for k in (1, 2)] + [junction_s]
    assets = []
    for (name, node_type, improvement), s in zip(G205_NODES, marks):
        assets.append(Asset("Point", g205.point(s), core(name, "completed", "donglinxi", "东临溪镇")
                            | {"road": "G205", "node_type": node_type, "improvement": improvement}))
    world.layers["road_node"] = number_codes(assets, "JD-G205-{:02d}")
    world.g205_bridge = bridge


SURNAMES = ("张王李刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈彭吕苏卢蒋蔡贾丁魏薛叶"
            "阎余潘杜戴夏钟汪田任姜范方石姚谭邹金陆郝孔白崔康毛邱秦江史顾侯邵孟段雷钱汤尹葛")
PLACE_SUFFIXES = ("庄", "楼", "寨", "集", "圩", "湖", "庙", "营", "店", "桥", "岗", "洼", "园", "台", "湾", "坊",
                  "阁", "小庄", "大庄", "新庄")
NAMED_VILLAGES = {  # villages the plans name through their sluices, placed by hand
    "朱楼": (116.360, 33.290), "燕小庙": (116.120, 33.330), "齐营": (116.060, 33.230),
    "栗小寨": (116.545, 33.220), "宝冢寺": (116.200, 33.060), "小胡": (116.470, 33.330),
}


def build_villages(world, count=330, spacing=1900.0):
    """The plans' own villages, then a Poisson-disc scatter of the rest."""
    rng = rng_for("villages")
    nodes = {a.props["name"]: a.coords for a in world.layers["road_node"]}
    a, b = world.flood_road_end
    placed = {name: xy(*p) for name, p in NAMED_VILLAGES.items()}
    placed["临溪"] = from_bearing(nodes["临溪村路口"], 270, 1400)
    placed["汊口"] = from_bearing(nodes["汊口村路口"], 90, 900)
    placed["郑沟"] = from_bearing(b, bearing_of((b[0] - a[0], b[1] - a[1])) + 90, 600)
    for name, p in placed.items():
        if world.river_index.distance(p, 300) < 300 or not world.inside(p, 500):
            raise ValueError(f"village {name} is placed on a river or outside the county")
        world.villages.append(Village(name, p, nearest_town(p)))
    names = [s + suffix for s in SURNAMES for suffix in PLACE_SUFFIXES if s + suffix not in placed]
    rng.shuffle(names)
    grid = defaultdict(list)
    for v in world.villages:
        grid[(int(v.point[0] // spacing), int(v.point[1] // spacing))].append(v.point)
    xs, ys = [p[0] for p in world.county], [p[1] for p in world.county]
    for _ in range(100 * count):
        if len(world.villages) == count:
            return
        p = (rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys)))
        i, j = int(p[0] // spacing), int(p[1] // spacing)
        crowded = any(dist(p, q) < spacing for di in (-1, 0, 1) for dj in (-1, 0, 1) for q in grid[(i + di, j + dj)])
        if crowded or in_built_up(p, 300) or not world.inside(p, 800) or world.river_index.distance(p, 300) < 300:
            continue
        grid[(i, j)].append(p)
        world.villages.append(Village(names.pop(), p, nearest_town(p)))
    raise ValueError(f"only {len(world.villages)} villages fit")


def nearest_villages(world, p):
    return sorted(world.villages, key=lambda v: dist(v.point, p))


# ---------------------------------------------------------------- ditches

DITCH_CLASSES = (("large", "大沟", 74, 3000, 6000), ("medium", "中沟", 470, 1000, 3500))
TREATED_BEFORE_2023 = 135  # 已治理135条
PLANNED_2023 = 95  # 2023年计划治理大中沟95条
NAME_SIDES = ("", "东", "西", "南", "北", "前", "后")


@dataclass
class Ditch:
    cls: str
    line: list
    receiver: str  # a river, or the tag of the large ditch it drains into
    tag: str


def ditch_path(rng, mouth, bearing, length):
    """A field ditch: straight legs of 300-700 m turning at most 15 degrees off its bearing."""
    points, heading, travelled = [mouth], bearing, 0.0
    while travelled < length + 700:
        heading = bearing + max(-15.0, min(15.0, heading - bearing + rng.uniform(-6, 6)))
        step = rng.uniform(300, 700)
        points.append(from_bearing(points[-1], heading, step))
        travelled += step
    return cut_to_length(points, length)


def ditch_fits(world, path, receiver, ditches):
    """Inside the county and out of the towns, crossing no river or ditch, 350 m from other ditches."""
    probe = resample(path, 100)
    if any(in_built_up(p, 400) or world.county_index.distance(p, 300) < 300 for p in probe):
        return False
    if world.river_index.crosses(drop_start(path)) or ditches.crosses(drop_start(path)):
        return False
    if any(world.river_index.distance(p, 250) < 250 for p in probe[4:]):
        return False
    return all(ditches.distance(p, 350, ignore={receiver}) >= 350 for p in probe)


def place_ditches(world):
    """Ditches leave a river (large ones) or a river or large ditch (medium ones) at right angles."""
    rng = rng_for("ditches")
    index = SegmentIndex(400.0)
    receivers = list(world.rivers.items())
    ditches = []
    for cls, _, count, shortest, longest in DITCH_CLASSES:
        weights = [line.length for _, line in receivers]
        placed = []
        for _ in range(count * 400):
            if len(placed) == count:
                break
            receiver, line = rng.choices(receivers, weights)[0]
            s = line.snap(rng.uniform(200, line.length - 200))  # a shared vertex: the ditch only touches it
            if not 150 < s < line.length - 150:
                continue
            normal = line.normal(s)
            side = rng.choice((1, -1))
            bearing = bearing_of((normal[0] * side, normal[1] * side)) + rng.uniform(-10, 10)
            path = ditch_path(rng, line.point(s), bearing, rng.uniform(shortest, longest))
            if ditch_fits(world, path, receiver, index):
                ditch = Ditch(cls, path, receiver, f"{cls}-{len(placed)}")
                index.add(path, ditch.tag)
                placed.append(ditch)
        if len(placed) < count:
            raise ValueError(f"only {len(placed)} {cls} ditches fit")
        ditches += placed
        receivers += [(d.tag, Chained(d.line)) for d in placed]
    return ditches


def ditch_name(world, ditch, word, used):
    """Named after the nearest village whose name is still free, e.g. 张庄大沟, 张庄东中沟."""
    midpoint = Chained(ditch.line).point(Chained(ditch.line).length / 2)
    for village in nearest_villages(world, midpoint)[:6]:
        for side in NAME_SIDES:
            name = f"{village.name}{side}{word}"
            if name not in used:
                used.add(name)
                return name, village
    raise ValueError("no free ditch name")


def nearest_expressway(world, line):
    """(distance to the nearer expressway, its name), from the ends and middle of the line."""
    samples = (line[0], line[len(line) // 2], line[-1])
    return min((min(point_segment_distance(p, a, b) for p in samples
                    for a, b in zip(world.roads[e].points, world.roads[e].points[1:])), e) for e in EXPRESSWAYS)


def treatment_fields(rng, group, expressway):
    """Work status and treatment columns of a ditch in one of the plans' treatment groups."""
    if group == "plan_2023":
        funding = "徐淮阜高速二期取土结合治理" if expressway == "徐淮阜高速" else "亳蒙高速取土结合治理"
        return {"status": "under_construction" if rng.random() < 0.6 else "approved", "treated": False,
                "treated_year": None, "planned_year": 2023, "funding": funding}
    if group == "borrow_pit":
        return {"status": "completed", "treated": True, "treated_year": rng.randint(2019, 2022),
                "planned_year": None, "funding": "高速公路取土结合治理"}
    if group == "government":
        return {"status": "completed", "treated": True, "treated_year": rng.randint(2014, 2022),
                "planned_year": None, "funding": "政府投资（农田水利项目）"}
    return {"status": "planned", "treated": False, "treated_year": None,
            "planned_year": rng.randint(2027, 2030), "funding": None}


def treatment_groups(rng, world, ditches):
    """The 95 ditches nearest the expressways are the 2023 plan (treated with their borrow pits);
    the next 35 were treated by earlier expressway works and 100 more by government investment."""
    nearest = [nearest_expressway(world, d.line) for d in ditches]
    ranked = sorted(range(len(ditches)), key=lambda i: nearest[i][0])
    rest = ranked[PLANNED_2023 + 35:]
    rng.shuffle(rest)
    groups = dict.fromkeys(ranked[:PLANNED_2023], "plan_2023")
    groups |= dict.fromkeys(ranked[PLANNED_2023:PLANNED_2023 + 35], "borrow_pit")
    groups |= dict.fromkeys(rest[:TREATED_BEFORE_2023 - 35], "government")
    groups |= dict.fromkeys(rest[TREATED_BEFORE_2023 - 35:], "listed")
    return [(groups[i], nearest[i][1]) for i in range(len(ditches))]


def build_ditches(world):
    ditches = place_ditches(world)
    rng = rng_for("ditch-treatment")
    words = {cls: word for cls, word, *_ in DITCH_CLASSES}
    names, used = {}, set()
    assets = []
    for ditch, (group, expressway) in zip(ditches, treatment_groups(rng, world, ditches)):
        name, village = ditch_name(world, ditch, words[ditch.cls], used)
        names[ditch.tag] = name
        fields = treatment_fields(rng, group, expressway)
        remarks = "2023年度治理计划，结合高速公路取土实施" if group == "plan_2023" else None
        line = Chained(ditch.line)
        assets.append(Asset("LineString", ditch.line, core(
            name, fields.pop("status"), "water", nearest_town(line.point(line.length / 2)), remarks,
            {"village": f"{village.name}村"}) | {"class": ditch.cls, "river": names.get(ditch.receiver, ditch.receiver)}
            | fields))
    order = {t.name: i for i, t in enumerate(TOWNS)}
    assets.sort(key=lambda a: (order[a.props["town"]], a.props["class"] != "large", a.coords[0]))
    world.layers["ditch"] = number_codes(assets, "GQ-{:04d}")


# ---------------------------------------------------------------- sluices and bridges

STANDARDIZATION = ("节制闸", "分洪闸", "朱楼闸", "燕小庙闸", "武家河闸", "五道沟闸", "青羊沟闸")
STANDARDIZATION_UNDER_WAY = ("节制闸", "分洪闸", "朱楼闸", "武家河闸")
SAFETY_APPRAISAL = ("岭子沟闸", "小胡闸", "北拖江沟闸", "齐营闸", "栗小寨闸", "宝冢寺闸")
MAINTENANCE = ("白膏沟闸", "拖江沟闸", "白羊沟闸", "岭子沟闸", "小胡闸", "北拖江沟闸")
CULVERT_GATES = 7  # 新建重建沟口涵闸7座
EXTRA_SMALL_SLUICES = 13
GATE_TYPES = {"large": ("开敞式平板钢闸门",), "medium": ("开敞式平板钢闸门", "开敞式弧形钢闸门"),
              "small": ("涵洞式铸铁闸门", "涵洞式平板钢闸门")}
GATE_COUNTS = {"large": (5, 9), "medium": (3, 5), "small": (1, 2)}


def sluice_site(world, name):
    """(point, river) of a sluice named in the plans."""
    nodes = {river: world.nodes[river] for river in ("包河", "涡河")}
    on_river = {"节制闸": ("涡河", nodes["涡河"]["武家河口"] + 2500),
                "分洪闸": ("包河", world.rivers["包河"].project(TOWN["龙山镇"].seat)),
                "包河闸": ("包河", nodes["包河"]["石弓"] + 2000),
                "曹市闸": ("涡河", world.rivers["涡河"].project(TOWN["曹市镇"].seat))}
    if name in on_river:
        river, s = on_river[name]
        return world.rivers[river].point(s), river
    channel = name[:-1]
    if channel in world.rivers:  # a 沟口闸 300 m up the channel from its mouth
        return world.rivers[channel].point(300), channel
    village = next(v for v in world.villages if v.name == channel)
    lines = list(world.rivers.items())
    lines += [(a.props["name"], Chained(a.coords)) for a in world.layers["ditch"]
              if name in SAFETY_APPRAISAL or a.props["class"] == "large"]
    river, line = min(lines, key=lambda item: dist(item[1].point(item[1].project(village.point)), village.point))
    return line.point(line.project(village.point)), river


def sluice_record(rng, name):
    """Scale, appraisal, standardization and status of a sluice named in the plans."""
    if name in STANDARDIZATION:
        scale = "large" if name in ("节制闸", "分洪闸") else "medium"
        under_way = name in STANDARDIZATION_UNDER_WAY
        return dict(scale=scale, appraisal="done", safety_class=rng.choice((1, 2)),
                    standardization="in_progress" if under_way else "planned",
                    status="under_construction" if under_way else "approved", remarks="大中型水闸标准化创建")
    if name == "包河闸":
        return dict(scale="large", appraisal="done", safety_class=3, standardization="none",
                    status="under_construction", remarks="三类闸，包浍河治理工程除险加固")
    if name == "曹市闸":
        return dict(scale="medium", appraisal="done", safety_class=4, standardization="none",
                    status="approved", remarks="四类闸，拟拆除重建")
    if name in SAFETY_APPRAISAL:
        return dict(scale="small", appraisal="planned", safety_class=None, standardization="none",
                    status="planned", remarks="小型水闸安全鉴定")
    return dict(scale="small", appraisal="done", safety_class=rng.choice((2, 3)), standardization="none",
                status="approved", remarks="小型水闸管护提升")


def sluice_asset(rng, point, river, name, record):
    scale = record["scale"]
    appraised_on = None
    if record["appraisal"] == "done":
        appraised_on = (date(2019, 3, 1) + timedelta(days=rng.randint(0, 1400))).isoformat()
    props = core(name, record["status"], "water", nearest_town(point), record.get("remarks")) | {
        "river": river, "scale": scale, "gate_type": rng.choice(GATE_TYPES[scale]),
        "gate_count": rng.randint(*GATE_COUNTS[scale]), "safety_class": record["safety_class"],
        "appraised_on": appraised_on, "appraisal": record["appraisal"],
        "standardization": record["standardization"], "maintenance_planned": name in MAINTENANCE}
    return Asset("Point", point, props)


def culvert_sites(world):
    """Seven gates, spread along the new right-bank dike of 包河: where a right-bank ditch passes
    through the dike, or 120 m up a left-bank ditch from its mouth."""
    dike = world.find("dike", name="包河右岸堤防（白洋沟—郑沟村）")[0]
    baohe = world.rivers["包河"]
    start, end = baohe.project(dike.coords[0]), baohe.project(dike.coords[-1])
    index = SegmentIndex()
    index.add(dike.coords, "dike")
    sites = []
    for ditch in world.find("ditch", river="包河"):
        s = baohe.project(ditch.coords[0])
        hits = index.crossings(ditch.coords)
        if hits or start < s < end:
            sites.append((s, hits[0][0] if hits else Chained(ditch.coords).point(120), ditch))
    if len(sites) < CULVERT_GATES:
        raise ValueError(f"only {len(sites)} ditches enter 包河 along the right dike")
    sites.sort(key=lambda site: site[0])
    step = len(sites) / CULVERT_GATES
    return [sites[int(i * step)][1:] for i in range(CULVERT_GATES)]


def build_sluices(world):
    rng = rng_for("sluices")
    named = list(dict.fromkeys(STANDARDIZATION + SAFETY_APPRAISAL + MAINTENANCE + ("包河闸", "曹市闸")))
    assets = [sluice_asset(rng, *sluice_site(world, name), name, sluice_record(rng, name)) for name in named]
    culverts = culvert_sites(world)
    for point, ditch in culverts:
        record = dict(scale="small", appraisal="none", safety_class=None, standardization="none",
                      status="completed", remarks="包浍河治理工程新建重建沟口涵闸，2024年完工")
        assets.append(sluice_asset(rng, point, ditch.props["name"],
                                   f"{ditch.props['name']}口涵闸", record))
    used = {a.props["name"] for a in assets}
    taken = {ditch.props["code"] for _, ditch in culverts}
    candidates = [d for d in world.layers["ditch"] if d.props["river"] in world.rivers and d.props["code"] not in taken]
    rng.shuffle(candidates)
    for ditch in candidates:
        name = f"{ditch.props['attributes']['village'][:-1]}闸"
        if name in used:
            continue
        used.add(name)
        appraised = rng.random() < 0.6
        record = dict(scale="small", appraisal="done" if appraised else "none",
                      safety_class=rng.choice((1, 2, 2, 3)) if appraised else None, standardization="none",
                      status="none")
        assets.append(sluice_asset(rng, Chained(ditch.coords).point(150), ditch.props["name"], name, record))
        if len(assets) == len(named) + CULVERT_GATES + EXTRA_SMALL_SLUICES:
            break
    world.layers["sluice"] = number_codes(assets, "SZ-{:03d}")


DANGEROUS_BRIDGES = 36  # 36座病险桥梁
SOUND_BRIDGES = 40
BRIDGE_DEFECTS = ("主梁开裂、钢筋外露", "桥墩冲刷掏空", "桥面板断裂", "护栏缺失、桥面破损", "基础沉降、桥身倾斜")


def road_bridges(rng, world):
    """Bridges where G205 and the county roads cross a river; 五里亭桥 carries G205 over 包河."""
    assets, used = [], set()
    for road, ref, kind, _ in ROADS:
        if kind == "expressway":
            continue
        for point, river in world.river_index.crossings(world.roads[road].points):
            main = river in dict(COUNTY_RIVERS)
            label, word = ("G205" if ref == "G205" else road), ("大桥" if main else "桥")
            name = "五里亭桥" if point == world.g205_bridge else f"{label}{river}{word}"
            if name in used:
                name = f"{label}{river}二号{word}"
            used.add(name)
            span = rng.uniform(80, 160) if main else rng.uniform(20, 45)
            props = core(name, "none", "water", nearest_town(point), None, {"built_year": rng.randint(1995, 2018)})
            assets.append(Asset("Point", point, props | {"river": river, "road": ref or road, "span_m": round(span, 1),
                                                         "condition": "sound", "rebuild_year": None}))
    return assets


def bridge_status(index):
    """Progress of the 2023 rebuilding programme: 20 under construction, 12 approved, 4 suspended."""
    if index < 20:
        return "under_construction", None
    if index < 32:
        return "approved", None
    return "suspended", "涉及管线迁改，暂停施工"


def farm_bridges(rng, world, existing, quota):
    """Village bridges over the ditches: `quota` dangerous ones per town, then sound ones."""
    ditches = list(world.layers["ditch"])
    rng.shuffle(ditches)
    names = {a.props["name"] for a in existing}
    points = [a.coords for a in existing]
    per_town = defaultdict(int)
    dangerous, sound = [], []
    sound_wanted = SOUND_BRIDGES - len(existing)
    for ditch in ditches:
        line = Chained(ditch.coords)
        point = line.point(rng.uniform(0.25, 0.75) * line.length)
        town = nearest_town(point)
        wanted_dangerous = per_town[town] < quota
        if not (wanted_dangerous or len(sound) < sound_wanted) or any(dist(point, p) < 500 for p in points):
            continue
        village = nearest_villages(world, point)[0]
        name = next(f"{village.name}{side}桥" for side in NAME_SIDES + ("新",) if f"{village.name}{side}桥" not in names)
        names.add(name)
        points.append(point)
        large = ditch.props["class"] == "large"
        props = {"river": ditch.props["name"], "road": f"{village.name}生产路",
                 "span_m": round(rng.uniform(12, 20) if large else rng.uniform(6, 12), 1)}
        if wanted_dangerous:
            per_town[town] += 1
            status, remarks = bridge_status(len(dangerous))
            dangerous.append(Asset("Point", point, core(name, status, "water", town, remarks, {
                "built_year": rng.randint(1966, 1988), "defect": rng.choice(BRIDGE_DEFECTS)})
                | props | {"condition": "dangerous", "rebuild_year": 2023}))
        else:
            sound.append(Asset("Point", point, core(name, "none", "water", town, None, {
                "built_year": rng.randint(1992, 2021)}) | props | {"condition": "sound", "rebuild_year": None}))
        if len(dangerous) == DANGEROUS_BRIDGES and len(sound) == sound_wanted:
            return dangerous, sound
    raise ValueError("not enough room for the village bridges")


def build_bridges(world):
    rng = rng_for("bridges")
    on_roads = road_bridges(rng, world)
    dangerous, sound = farm_bridges(rng, world, on_roads, DANGEROUS_BRIDGES // len(TOWNS))
    world.layers["bridge"] = number_codes(dangerous + on_roads + sound, "QL-{:03d}")


# ---------------------------------------------------------------- warning stations, water supply

def maintenance_date(rng):
    """Most stations were serviced before the 2026 flood season, some are overdue."""
    if rng.random() < 0.8:
        return (date(2026, 3, 1) + timedelta(days=rng.randint(0, 90))).isoformat()
    return (date(2025, 3, 1) + timedelta(days=rng.randint(0, 200))).isoformat()


def station_asset(rng, name, station_type, point, village, status="none"):
    return Asset("Point", point, core(name, status, "water", nearest_town(point)) | {
        "station_type": station_type, "village": village,
        "last_maintained_on": None if status == "planned" else maintenance_date(rng)})


def build_warning_stations(world):
    rng = rng_for("warning-stations")
    assets = []
    gauges = [("包河", TOWN["龙山镇"].seat), ("包河", world.g205_bridge), ("包河", TOWN["石弓镇"].seat),
              ("涡河", TOWN["曹市镇"].seat), ("涡河", TOWN["城关镇"].seat), ("西淝河", TOWN["涡南镇"].seat),
              ("西淝河", TOWN["曹市镇"].seat)]
    for river, near in gauges:
        line = world.rivers[river]
        point = line.point(line.project(near))
        village = nearest_villages(world, point)[0].name
        assets.append(station_asset(rng, f"{river}{village}水位站", "water_level", point, f"{village}村"))
    for town in TOWNS:
        assets.append(station_asset(rng, f"{town.name}雨量站", "rain", from_bearing(town.seat, 135, 200), None))
    remote = sorted(world.villages, key=lambda v: -min(dist(v.point, t.seat) for t in TOWNS))
    for village in [v for v in remote if v.town == "龙山镇"][:1] + [v for v in remote if v.town == "涡南镇"][:1]:
        assets.append(station_asset(rng, f"{village.name}村雨量站", "rain", village.point, f"{village.name}村"))
    for sluice in ("包河闸", "节制闸", "曹市闸", "分洪闸", "武家河闸"):
        point = from_bearing(world.find("sluice", name=sluice)[0].coords, 90, 40)
        assets.append(station_asset(rng, f"{sluice}视频监测站", "video", point, None))
    low_lying = sorted(world.villages, key=lambda v: world.river_index.distance(v.point, 5000))
    chosen = []
    for village in low_lying:
        if village.town not in {v.town for v in chosen}:
            chosen.append(village)
    for i, village in enumerate(chosen[:5]):
        assets.append(station_asset(rng, f"{village.name}村预警广播站", "broadcast", village.point,
                                    f"{village.name}村", "planned" if i >= 3 else "none"))
    world.layers["warning_station"] = number_codes(assets, "YJ-{:03d}")


def bank_point(world, river, near, offset):
    """A point `offset` metres to the left of the river (negative: right), beside the point nearest `near`."""
    line = world.rivers[river]
    s = line.project(xy(*near))
    p, n = line.point(s), line.normal(s)
    return p[0] + n[0] * offset, p[1] + n[1] * offset


def build_water_plants(world):
    rng = rng_for("water-plants")
    surface = [  # name, town, site, capacity m3/d, planned start and end, status, remarks
        ("县城区地表水厂", "城关镇", bank_point(world, "涡河", (116.33, 33.24), 700), 60000, None, None, "none",
         "城区水厂，与涡南、龙山地表水厂管网互连，形成环状供水"),
        ("涡南地表水厂", "涡南镇", bank_point(world, "西淝河", (116.235, 33.08), 900), 50000,
         "2022-02-01", "2023-12-31", "completed", "城乡供水一体化，2023年12月建成通水"),
        ("龙山地表水厂", "龙山镇", bank_point(world, "包河", (116.16, 33.42), -900), 40000,
         "2024-01-01", "2025-12-31", "under_construction", "城乡供水一体化，原定2025年12月建成，工期滞后"),
    ]
    assets = [Asset("Point", site, core(name, status, "water", town, remarks) | {
        "source": "surface", "capacity_m3_d": capacity, "planned_start": start, "planned_end": end})
        for name, town, site, capacity, start, end, status, remarks in surface]
    ground = [("涡南镇", 5000, "涡南地表水厂通水后停用，保留为应急备用水源"),
              ("曹市镇", 4000, "已由城乡供水环网供水，保留为应急备用水源"),
              ("龙山镇", 6000, "龙山地表水厂通水后关停，完成地下水源替换"),
              ("石弓镇", 5000, "由城区水厂石弓支线供水后转为备用水源"),
              ("东临溪镇", 6000, "由城区水厂东临溪支线供水后转为备用水源")]
    for town, capacity, remarks in ground:
        site = from_bearing(TOWN[town].seat, rng.uniform(0, 360), 900)
        assets.append(Asset("Point", site, core(f"{town}水厂（地下水）", "none", "water", town, remarks) | {
            "source": "ground", "capacity_m3_d": capacity, "planned_start": None, "planned_end": None}))
    world.layers["water_plant"] = number_codes(assets, "SC-{:02d}")


def along_road(world, road, a, b, offset=30.0):
    """The stretch of road between the points nearest a and b, `offset` m to its left, from a to b."""
    line = world.roads[road]
    sa, sb = line.project(a), line.project(b)
    piece = offset_line(line.piece(min(sa, sb), max(sa, sb)), offset)
    return piece if sa < sb else piece[::-1]


def join(*parts):
    """One line from points and point lists, without repeated vertices."""
    line = []
    for part in parts:
        for p in ([part] if isinstance(part[0], float) else part):
            if not line or dist(line[-1], p) > 1.0:
                line.append(p)
    return line


SUPPLY_NETWORK = "城乡供水环网"


def build_pipelines(world):
    """The ring through the three surface-water plants, and branches to the towns."""
    plant = {a.props["name"]: a.coords for a in world.layers["water_plant"]}
    city, wonan, longshan = plant["县城区地表水厂"], plant["涡南地表水厂"], plant["龙山地表水厂"]
    seat = {t.name: t.seat for t in TOWNS}
    g205_x004 = SegmentIndex()
    g205_x004.add(world.roads["G205国道"].points, "G205")
    junction = g205_x004.crossings(world.roads["城石路"].points)[0][0]
    caoshi = from_bearing(seat["曹市镇"], 0, 300)
    road = {name: world.roads[name] for name in ("城涡路", "曹涡路", "城龙路")}
    # each leg leaves a plant in its own direction, so the pipes meet only at their ends
    wonan_to_caoshi = road["曹涡路"].point(road["曹涡路"].length - 3000)
    longshan_to_city = road["城龙路"].point(road["城龙路"].length - 2500)
    to_junction = along_road(world, "城石路", city, junction)
    specs = [  # name, role, diameter, material, status, line
        ("城乡供水环网城区—涡南段", "ring", 800, "球墨铸铁管", "completed",
         join(city, along_road(world, "城涡路", road["城涡路"].point(3000), seat["涡南镇"]), wonan)),
        ("城乡供水环网涡南—曹市段", "ring", 600, "球墨铸铁管", "completed",
         join(wonan, along_road(world, "曹涡路", wonan_to_caoshi, caoshi), caoshi)),
        ("城乡供水环网曹市—龙山段", "ring", 600, "球墨铸铁管", "under_construction",
         chaikin([caoshi, xy(116.115, 33.32), seat["龙山镇"]], 3)),
        ("龙山地表水厂出厂干管", "ring", 800, "球墨铸铁管", "under_construction",
         chaikin([longshan, from_bearing(lerp(longshan, seat["龙山镇"], 0.5), 90, 200), seat["龙山镇"]], 3)),
        ("城乡供水环网龙山—城区段", "ring", 800, "球墨铸铁管", "under_construction",
         join(longshan, along_road(world, "城龙路", longshan_to_city, seat["城关镇"]), city)),
        ("东临溪镇供水支线", "branch", 400, "PE100管", "none",
         join(city, to_junction, along_road(world, "G205国道", junction, seat["东临溪镇"]))),
        ("石弓镇供水支线", "branch", 400, "PE100管", "none",  # tees off and crosses to the south side of X004
         join(to_junction[-1], along_road(world, "城石路", junction, seat["石弓镇"], offset=-30.0))),
    ]
    assets = []
    for name, role, diameter, material, status, line in specs:
        if not is_simple(line):
            raise ValueError(f"pipeline {name} crosses itself")
        middle = Chained(line).point(Chained(line).length / 2)
        assets.append(Asset("LineString", line, core(name, status, "water", nearest_town(middle), None,
                                                     {"role": role}) | {
            "network": SUPPLY_NETWORK, "diameter_mm": diameter, "material": material}))
    world.layers["pipeline"] = number_codes(assets, "GS-{:03d}")


# ---------------------------------------------------------------- land parcels and project sites

CELL = 300.0  # town blocks; a parcel keeps 15 m clear of its block edge for the streets
PARCELS_PER_TOWN = {"城关镇": 150, "东临溪镇": 52, "石弓镇": 36, "龙山镇": 36, "涡南镇": 34, "曹市镇": 32}
PROJECT_SITES = {  # project footprint: town, width and depth in metres
    "110千伏变电站": ("东临溪镇", 100, 90), "燃气站": ("东临溪镇", 70, 65), "林溪郡": ("东临溪镇", 265, 240),
    "新安郡": ("东临溪镇", 240, 215), "金港湾": ("东临溪镇", 265, 255), "乐拓者": ("东临溪镇", 200, 180),
    "文启酒店": ("东临溪镇", 110, 95), "标准化厂房": ("城关镇", 265, 250),
}
LAND_USES = {
    "approved_unsupplied": (("工业用地", 45), ("住宅用地", 25), ("商服用地", 15), ("公共管理与公共服务用地", 10),
                            ("仓储用地", 5)),
    "idle": (("工业用地", 50), ("住宅用地", 30), ("商服用地", 20)),
    "inefficient_industrial": (("工业用地", 88), ("仓储用地", 12)),
}
UNSUPPLIED_CAUSES = (("征地补偿安置未完成", 3), ("无意向用地单位", 3), ("规划条件未落实", 2), ("地块零星，难以单独供应", 2))
IDLE_CAUSES = (("政府原因：规划调整", 4), ("政府原因：征地拆迁未完成", 4), ("政府原因：配套设施未到位", 3),
               ("企业原因：资金链紧张", 5), ("企业原因：市场变化，投资意向调整", 3), ("司法查封", 1))
DISPOSAL_METHODS = {
    "approved_unsupplied": (("land_reserve", 5), ("swap", 3), ("temporary_use", 2)),
    "idle": (("urge_construction", 4), ("reclaim_by_agreement", 2), ("reclaim_by_law", 1), ("swap", 2),
             ("temporary_use", 1)),
    "inefficient_industrial": (("urge_construction", 4), ("reclaim_by_agreement", 3), ("swap", 2), ("land_reserve", 1)),
}
METHOD_LABELS = {"reclaim_by_law": "依法无偿收回", "reclaim_by_agreement": "协议有偿收回", "urge_construction": "督促开工建设",
                 "swap": "置换或调整用途", "temporary_use": "临时利用", "land_reserve": "收回纳入储备后供应"}
# Share of the parcels still undisposed at the start of each year that are disposed in it.
DISPOSAL_RATES = {2023: 0.22, 2024: 0.24, 2025: 0.23, 2026: 0.18}
APPROVAL_YEARS = {"approved_unsupplied": (2012, 2021), "idle": (2009, 2018), "inefficient_industrial": (2005, 2016)}
COMPANY_WORDS = ("恒瑞", "鑫源", "华泰", "永盛", "金桥", "瑞丰", "宏达", "天成", "中诚", "信达", "德润", "联创", "嘉禾",
                 "汇通", "锦程", "博远", "泰和", "安顺", "盛元", "荣昌", "裕丰", "鼎新", "润邦", "科瑞")
COMPANY_TRADES = {
    "工业用地": ("新材料科技", "机械制造", "食品", "纺织", "电子科技", "包装材料", "建材", "农产品加工", "生物科技", "智能装备"),
    "住宅用地": ("置业", "房地产开发"), "商服用地": ("商贸", "酒店管理", "商业管理"),
    "仓储用地": ("物流", "仓储服务"), "公共管理与公共服务用地": ("教育投资", "医疗投资"),
}


def weighted(rng, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights)[0]


def chinese_number(n):
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    return ("" if n < 20 else digits[n // 10]) + "十" + ("" if n % 10 == 0 else digits[n % 10])


@dataclass
class Cell:
    town: str
    street_ew: int  # the north-south street west of the block
    street_ns: int  # the east-west street south of the block
    centre: tuple
    angle: float  # grid rotation, radians
    ring: list


def rotate(v, angle):
    c, s = math.cos(angle), math.sin(angle)
    return v[0] * c - v[1] * s, v[0] * s + v[1] * c


def place(centre, angle, local):
    dx, dy = rotate(local, angle)
    return centre[0] + dx, centre[1] + dy


def town_cells(rng, town):
    """The blocks of a town's rotated street grid that lie inside its built-up area, shuffled."""
    angle = math.radians(rng.uniform(-15, 15))
    n = int(town.radius // CELL) + 1
    cells = []
    for i in range(-n, n):
        for j in range(-n, n):
            local = ((i + 0.5) * CELL, (j + 0.5) * CELL)
            if math.hypot(*local) > town.radius - CELL * 0.7:
                continue
            centre = place(town.seat, angle, local)
            cell = Cell(town.name, i + n + 1, j + n + 1, centre, angle, [])
            cell.ring = rectangle(cell, CELL, CELL)
            cells.append(cell)
    rng.shuffle(cells)
    return cells


def obstacles(world):
    """Lines and points a block must be clear of before land is drawn in it."""
    index = world.layer_index("dike", "pipeline")
    for name, line in list(world.rivers.items()) + list(world.roads.items()):
        index.add(line.points, name)
    points = [a.coords for layer in ("sluice", "bridge", "road_node", "warning_station", "water_plant")
              for a in world.layers[layer]]
    return index, points


def cell_clear(cell, index, points):
    xs, ys = [p[0] for p in cell.ring], [p[1] for p in cell.ring]
    low, high = (min(xs), min(ys)), (max(xs), max(ys))
    for a, b, _ in index.near(low, high):
        if point_in_ring(a, cell.ring) or point_in_ring(b, cell.ring) or \
                any(segments_intersect(a, b, p, q) for p, q in zip(cell.ring, cell.ring[1:])):
            return False
    return not any(point_in_ring(p, cell.ring) for p in points)


def rectangle(cell, width, depth):
    """A closed counter-clockwise ring centred on the block and aligned with its streets."""
    return [place(cell.centre, cell.angle, (x * width / 2, y * depth / 2))
            for x, y in ((-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1))]


def free_cells(world):
    """Clear blocks per town, in a fixed shuffled order."""
    rng = rng_for("blocks")
    index, points = obstacles(world)
    return {t.name: [c for c in town_cells(rng, t) if cell_clear(c, index, points)] for t in TOWNS}


def parcel_polygons(rng, cell):
    """One or two quadrilateral-ish parts inside the block; corners move less than a quarter
    side, so every ring stays simple and the parts never touch."""
    half = CELL / 2 - 15
    area = math.exp(rng.uniform(math.log(2600), math.log(74000)))
    aspect = rng.uniform(1.0, 2.2)
    width = min(math.sqrt(area * aspect), 2 * half)
    depth = min(area / width, 2 * half)
    ox, oy = rng.uniform(-(half - width / 2), half - width / 2), rng.uniform(-(half - depth / 2), half - depth / 2)
    if width * depth > 9000 and rng.random() < 0.12:  # split by a 16 m lane
        part = (width - 16) / 2
        boxes = [(ox - (part + 16) / 2, oy, part, depth), (ox + (part + 16) / 2, oy, part, depth)]
    else:
        boxes = [(ox, oy, width, depth)]
    polygons = []
    for cx, cy, w, d in boxes:
        jitter = 0.08 * min(w, d)
        corners = [(cx + x * w / 2 + rng.uniform(-jitter, jitter), cy + y * d / 2 + rng.uniform(-jitter, jitter))
                   for x, y in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
        if rng.random() < 0.3:  # a cut corner
            k = rng.randrange(4)
            a, b, c = corners[k - 1], corners[k], corners[(k + 1) % 4]
            corners[k:k + 1] = [lerp(b, a, rng.uniform(0.15, 0.3)), lerp(b, c, rng.uniform(0.15, 0.3))]
        ring = [place(cell.centre, cell.angle, p) for p in corners]
        polygons.append([ring + [ring[0]]])
    return polygons


def parcel_dates(rng, category):
    """(approved_on, idle_since, attributes) in the pattern of each category."""
    first, last = APPROVAL_YEARS[category]
    approved = date(rng.randint(first, last), 1, 1) + timedelta(days=rng.randint(0, 364))
    if category != "idle":
        return approved, None, {}
    supplied = approved + timedelta(days=rng.randint(120, 500))
    agreed_start = supplied + timedelta(days=rng.randint(180, 365))
    # idle once construction has not started a year after the agreed start
    return approved, agreed_start + timedelta(days=365), {"supplied_on": supplied.isoformat(),
                                                          "agreed_start_on": agreed_start.isoformat()}


def holder_for(rng, category, land_use, town):
    if category == "approved_unsupplied":
        return "县土地收购储备中心" if rng.random() < 0.7 else f"{town}人民政府"
    return f"{rng.choice(('安徽', ''))}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TRADES[land_use])}有限公司"


def parcel_category(rng, cell):
    in_park = cell.town == COUNTY_SEAT and cell.centre[0] > TOWN[COUNTY_SEAT].seat[0] + 600
    weights = (35, 20, 45) if in_park else (45, 30, 25)
    return rng.choices(("approved_unsupplied", "idle", "inefficient_industrial"), weights)[0]


def zone_name(cell):
    if cell.town == COUNTY_SEAT:
        return "经开区" if cell.centre[0] > TOWN[COUNTY_SEAT].seat[0] + 600 else "城区"
    return cell.town


def parcel_asset(rng, cell, approval_batches):
    category = parcel_category(rng, cell)
    land_use = weighted(rng, LAND_USES[category])
    approved, idle_since, attributes = parcel_dates(rng, category)
    if category == "inefficient_industrial":
        attributes = {"plot_ratio": round(rng.uniform(0.3, 0.7), 2),
                      "tax_per_mu_10k_cny": round(rng.uniform(0.5, 4.0), 1),
                      "assessment": rng.choice(("容积率偏低", "亩均税收偏低", "停产半停产"))}
    cause = {"approved_unsupplied": UNSUPPLIED_CAUSES, "idle": IDLE_CAUSES}.get(category)
    use_short = land_use.replace("用地", "").replace("公共管理与公共服务", "公共服务")
    name = f"{zone_name(cell)}经{chinese_number(cell.street_ew)}路东侧、纬{chinese_number(cell.street_ns)}路北侧{use_short}地块"
    batches = approval_batches.setdefault(approved.year, sorted(rng.sample(range(100, 1300), rng.randint(3, 6))))
    method = weighted(rng, DISPOSAL_METHODS[category]) if rng.random() < 0.9 else None
    props = core(name, "none", "natres", cell.town, f"一地一策：{METHOD_LABELS[method]}" if method else None,
                 attributes) | {
        "parcel_no": None, "category": category, "land_use": land_use,
        "holder": holder_for(rng, category, land_use, cell.town),
        "approval_no": f"皖政地〔{approved.year}〕{rng.choice(batches)}号", "approved_on": approved.isoformat(),
        "idle_since": idle_since and idle_since.isoformat(), "idle_cause": cause and weighted(rng, cause),
        "disposal_method": method, "disposal_status": "pending", "disposed_on": None}
    return Asset("MultiPolygon", parcel_polygons(rng, cell), props)


def dispose(rng, parcels):
    """Disposals of 2023-2026 at DISPOSAL_RATES of each category's remaining stock; the rest
    is in progress or pending. Parcels without a plan stay pending."""
    for category in LAND_USES:
        stock = [p for p in parcels if p.props["category"] == category]
        for year, rate in DISPOSAL_RATES.items():
            remaining = [p for p in stock if p.props["disposed_on"] is None]
            planned = [p for p in remaining if p.props["disposal_method"]]
            last_day = min(date(year, 12, 31), AS_OF)
            for p in rng.sample(planned, round(rate * len(remaining))):
                p.props["disposed_on"] = (date(year, 1, 1) + timedelta(
                    days=rng.randint(0, (last_day - date(year, 1, 1)).days))).isoformat()
        for p in stock:
            props = p.props
            if props["disposed_on"]:
                props["disposal_status"] = "disposed"
                if props["disposal_method"] == "urge_construction":
                    props["status"] = "under_construction" if props["disposed_on"] >= "2025" else "completed"
            elif props["disposal_method"] and rng.random() < 0.55:
                props["disposal_status"] = "in_progress"


def build_land(world):
    """Project sites first, then the parcels in the remaining clear blocks of each town."""
    rng = rng_for("land")
    cells = free_cells(world)
    for name, (town, width, depth) in PROJECT_SITES.items():
        world.sites[name] = rectangle(cells[town].pop(), width, depth)
    parcels, batches = [], {}
    for town, count in PARCELS_PER_TOWN.items():
        if len(cells[town]) < count:
            raise ValueError(f"{town}: {len(cells[town])} clear blocks for {count} parcels")
        parcels += [parcel_asset(rng, cell, batches) for cell in cells[town][:count]]
    dispose(rng, parcels)
    serial = defaultdict(int)
    for p in sorted(parcels, key=lambda p: p.props["approved_on"]):
        year = p.props["approved_on"][:4]
        serial[year] += 1
        p.props["parcel_no"] = f"{COUNTY_CODE}-{year}-{serial[year]:03d}"
    world.layers["land_parcel"] = number_codes(parcels, "DK-2023-{:04d}")


# ---------------------------------------------------------------- projects

MILESTONES = {  # "开工" splits the approvals before construction from completion
    "build": ("立项", "用地预审", "环评", "规划许可", "施工许可", "开工", "完工验收"),
    "water": ("立项", "初步设计批复", "环评", "招标", "开工", "完工验收"),
    "simple": ("立项", "招标", "开工", "完工验收"),
    "standard": ("创建方案批复", "问题整改", "单位自评", "市级初验", "省级评价"),
    "task": ("方案印发", "任务分解", "半年评估", "年度考核"),
    "study": ("方案编制", "外业调查", "成果报告", "成果审查"),
}
PLANS = {"donglinxi": "东临溪镇2023年工作谋划", "commerce": "区科工商务局2023年重点工作谋划",
         "natres": "市自然资源和规划局2023年工作谋划", "water": "县水利局2023年工作谋划",
         "approval": "县行政审批局2023年工作谋划"}
LEAD_UNITS = {"donglinxi": "东临溪镇人民政府", "commerce": "县科工商务局", "natres": "县自然资源和规划局",
              "water": "县水利局", "approval": "县行政审批局"}


@dataclass
class Project:
    name: str
    department: str
    category: str
    status: str
    start: str
    end: str
    template: str
    progress: float = 0.0
    investment: float = None  # 10k CNY
    target: tuple = (None, None, None)  # value, unit, description
    town: str = None
    lead_unit: str = None
    year: int = 2023
    remarks: str = None
    done: int = None  # milestones done, when the status alone does not say
    late: str = None  # why its open milestones are past due on AS_OF; none may be without a reason
    geometry: object = None  # (GeoJSON type, xy coordinates)
    links: list = None  # assets of the registry
    attributes: dict = None


def milestone_dues(template, start, end):
    names = MILESTONES[template]
    if "开工" not in names:
        span = (end - start).days
        return [start + timedelta(days=round(span * (i + 1) / len(names))) for i in range(len(names))]
    approvals = names.index("开工")
    dues = [start - timedelta(days=round(240 - 220 * i / max(approvals - 1, 1))) for i in range(approvals)]
    return dues + [start, end]


def milestones_done(project):
    """How many milestones are done: as the project says, or as its status implies."""
    names = MILESTONES[project.template]
    if project.done is not None:
        return project.done
    if project.status == "completed":
        return len(names)
    if project.status == "under_construction":
        return len(names) - 1
    if project.status == "suspended":
        return names.index("开工") + 1 if "开工" in names else len(names) // 2
    if project.status == "approved":
        return 1
    return 0


def milestone_list(rng, project):
    """Milestones with due dates; the first `milestones_done` are done, a little early or late.
    The others stay open: a suspended project's have no due date until it resumes, and one past
    due on AS_OF says why (`late`)."""
    start, end = date.fromisoformat(project.start), date.fromisoformat(project.end)
    done = milestones_done(project)
    out, previous = [], date.min
    dues = milestone_dues(project.template, start, end)
    for seq, (name, due) in enumerate(zip(MILESTONES[project.template], dues), 1):
        done_on, remarks = None, None
        if seq <= done:
            done_on = max(previous, min(due + timedelta(days=rng.randint(-10, 40)), AS_OF))
            previous = done_on
        elif project.status == "suspended":
            due, remarks = None, f"项目暂停（{project.remarks}），恢复后重新排期"
        elif due < AS_OF:
            if not project.late:
                raise ValueError(f"{project.name}: {name} is past due on {AS_OF} with no reason")
            remarks = project.late
        out.append({"seq": seq, "name": name, "due_on": due and due.isoformat(),
                    "done_on": done_on and done_on.isoformat(), "remarks": remarks})
    return out


def progress_report(rng, project):
    """Who reported an unfinished project's progress and when: its lead unit, in the month before AS_OF."""
    if project.status == "completed" or not project.progress:
        return None, None
    day = AS_OF - timedelta(days=rng.randint(0, 27))
    return project.lead_unit or LEAD_UNITS[project.department], f"{day.isoformat()}T17:00:00+08:00"


def target_measure(unit, links):
    """How a project's progress follows from its linked assets, where their data allows it."""
    collections = {collection for collection, assets in (links or []) if assets}
    if not collections or unit is None:
        return "manual"
    if collections == {"ditch"} and unit == "条":
        return "treated_ditches"
    if unit == "km" and collections <= {"river_segment", "dike", "pipeline", "ditch"}:
        return "completed_length"
    if unit in ("座", "个"):
        return "completed_assets"
    return "manual"


def project_asset(rng, number, project):
    milestones = milestone_list(rng, project)
    done = {m["name"]: m["done_on"] for m in milestones}
    if "开工" in done:
        actual_start = done["开工"]
    else:
        actual_start = project.start if project.status not in ("planned", "approved") else None
    actual_end = milestones[-1]["done_on"] if project.status == "completed" else None
    invested = None
    if project.investment is not None:
        if project.status == "completed":
            share = rng.uniform(0.93, 1.01)
        else:
            share = project.progress / 100 * rng.uniform(0.9, 1.0)
        invested = round(project.investment * share, 2)
    value, unit, description = project.target
    reported_by, reported_at = progress_report(rng, project)
    props = {"code": f"XM-{project.year}-{number:03d}", "name": project.name, "status": project.status,
             "department": project.department, "town": project.town, "remarks": project.remarks,
             "attributes": {"source_plan": PLANS[project.department]} | (project.attributes or {}),
             "category": project.category, "year": project.year,
             "lead_unit": project.lead_unit or LEAD_UNITS[project.department],
             "planned_start": project.start, "planned_end": project.end, "actual_start": actual_start,
             "actual_end": actual_end, "investment_planned": project.investment and float(project.investment),
             "investment_done": invested,
             "progress_pct": 100.0 if project.status == "completed" else float(project.progress),
             "progress_reported_by": reported_by, "progress_reported_at": reported_at,
             "target_value": value, "target_unit": unit, "target_description": description,
             "target_measure": target_measure(unit, project.links),
             "milestones": milestones,
             "links": [{"collection": collection, "code": a.props["code"]}
                       for collection, assets in (project.links or []) for a in assets]}
    kind, coords = project.geometry or (None, None)
    return Asset(kind, coords, props)


def revetments(world):
    """护坡护岸3处，长790 m: short lines along the dredged stretch of 包河, on alternating banks."""
    baohe = world.rivers["包河"]
    start = world.nodes["包河"]["喇叭沟口"]
    lines = []
    for at, length, side in ((2500, 320, 1), (6000, 260, -1), (9500, 210, 1)):
        piece = offset_line(baohe.piece(start + at, start + at + length * 1.2), 25 * side)
        lines.append(cut_to_length(piece, length))
    return lines


def village_roads(world):
    """Upgraded village roads: from the villages nearest 东临溪 to the nearest trunk road."""
    seat = TOWN["东临溪镇"].seat
    roads = [world.roads[r] for r in ("G205国道", "源白路", "城石路")]
    villages = [v for v in sorted(world.villages, key=lambda v: dist(v.point, seat)) if v.town == "东临溪镇"][:4]
    lines = []
    for village in villages:
        road = min(roads, key=lambda r: dist(r.point(r.project(village.point)), village.point))
        end = road.point(road.project(village.point))
        heading = bearing_of((end[0] - village.point[0], end[1] - village.point[1]))
        bend = from_bearing(lerp(village.point, end, 0.5), heading + 90, 80)
        lines.append([village.point, bend, end])
    return lines


def village_outline(centre, radius):
    return [from_bearing(centre, bearing, radius * (1 + 0.12 * math.sin(3 * math.radians(bearing))))
            for bearing in range(360, -1, -30)]


def disposed_in(parcels, categories, year):
    return [p for p in parcels
            if p.props["category"] in categories and (p.props["disposed_on"] or "").startswith(str(year))]


def disposal_rate(parcels, categories, year):
    stock = [p for p in parcels if p.props["category"] in categories
             and (p.props["disposed_on"] is None or p.props["disposed_on"] >= str(year))]
    return round(100 * len(disposed_in(parcels, categories, year)) / len(stock), 1)


def multi(kind, items):
    return (kind, [i.coords if isinstance(i, Asset) else i for i in items])


def water_projects(world):
    dredged = world.find("river_segment", name="包河喇叭沟口至石弓段")
    dike = world.find("dike", name="包河右岸堤防（白洋沟—郑沟村）")
    culverts = [a for a in world.layers["sluice"] if a.props["name"].endswith("口涵闸")]
    ditches_2023 = world.find("ditch", planned_year=2023)
    listed = [d for d in world.layers["ditch"] if not d.props["treated"] and d.props["planned_year"] != 2023]
    dangerous = world.find("bridge", condition="dangerous")
    standard = world.named("sluice", *STANDARDIZATION)
    appraisal = world.named("sluice", *SAFETY_APPRAISAL)
    upkeep = world.named("sluice", *MAINTENANCE)
    first, second = world.named("river_segment", *XIFEI_FIRST), world.named("river_segment", *XIFEI_SECOND)
    baohe_gate, caoshi_gate = world.named("sluice", "包河闸"), world.named("sluice", "曹市闸")
    wonan, longshan = world.named("water_plant", "涡南地表水厂"), world.named("water_plant", "龙山地表水厂")
    wonan_pipes = world.named("pipeline", "城乡供水环网城区—涡南段", "城乡供水环网涡南—曹市段")
    longshan_pipes = world.named("pipeline", "城乡供水环网曹市—龙山段", "龙山地表水厂出厂干管", "城乡供水环网龙山—城区段")
    programme = {"programme": "安徽省包浍河治理工程（县境段）"}
    return [
        Project("包浍河治理工程包河疏浚（喇叭沟口—石弓）", "water", "water_conservancy", "completed", "2023-03-01",
                "2024-06-30", "water", investment=8650, target=(12.53, "km", "疏浚包河（喇叭沟口~石弓）12.53 km"),
                town="石弓镇", geometry=("LineString", dredged[0].coords), links=[("river_segment", dredged)],
                attributes=programme),
        Project("包浍河治理工程包河右岸防汛道路", "water", "water_conservancy", "completed", "2023-06-01", "2025-05-31",
                "water", investment=9870,
                target=(24.67, "km", "修建包河右岸（白洋沟~郑沟村）防汛道路24.67 km（包括建筑物连接路）"),
                town="东临溪镇", geometry=("LineString", dike[0].coords), links=[("dike", dike)], attributes=programme),
        Project("包浍河治理工程沟口涵闸新建重建", "water", "water_conservancy", "completed", "2023-09-01", "2024-12-31",
                "water", investment=1260, target=(7, "座", "新建重建沟口涵闸7座"), geometry=multi("MultiPoint", culverts),
                links=[("sluice", culverts)], attributes=programme),
        Project("包浍河治理工程护坡护岸", "water", "water_conservancy", "completed", "2023-10-01", "2024-09-30", "water",
                investment=640, target=(790, "m", "护坡护岸3处，长790 m"), town="石弓镇",
                geometry=("MultiLineString", revetments(world)), links=[("river_segment", dredged)],
                attributes=programme | {"sites": 3}),
        Project("包河闸除险加固", "water", "water_conservancy", "under_construction", "2023-11-01", "2025-10-31", "water",
                progress=85, investment=2380, target=(1, "座", "包河闸除险加固"), town="石弓镇",
                remarks="闸门及启闭机更换滞后，完工验收逾期", late="闸门及启闭机供货滞后，预计2027年3月完工验收",
                geometry=("Point", baohe_gate[0].coords),
                links=[("sluice", baohe_gate)], attributes=programme),
        Project("城乡供水一体化涡南地表水厂及输配水管道工程", "water", "water_supply", "completed", "2022-02-01", "2023-12-31",
                "water", year=2022, investment=26800, town="涡南镇",
                target=(None, None, "完成涡南地表水厂厂区及输配水管道等工程建设，完成地下水源替换"),
                geometry=multi("MultiLineString", wonan_pipes),
                links=[("water_plant", wonan), ("pipeline", wonan_pipes)]),
        Project("城乡供水一体化龙山地表水厂及输配水管道工程", "water", "water_supply", "under_construction", "2024-01-01",
                "2025-12-31", "water", year=2024, progress=78, investment=24500, town="龙山镇",
                target=(None, None, "完成龙山地表水厂厂区及输配水管道等工程建设，与城区水厂管网互连形成环状供水"),
                remarks="工期滞后，计划2026年底通水", late="出厂干管穿越涡河段施工滞后，计划2026年底通水后验收",
                geometry=multi("MultiLineString", longshan_pipes),
                links=[("water_plant", longshan), ("pipeline", longshan_pipes)]),
        Project("农村大中沟治理（2023年度）", "water", "water_conservancy", "under_construction", "2023-03-01",
                "2023-12-31", "simple", progress=64, investment=5700,
                target=(95, "条", "结合亳蒙高速、徐淮阜高速二期项目治理大中沟95条"),
                remarks="随徐淮阜高速二期取土进度推进，完工验收逾期",
                late="徐淮阜高速二期取土坑未按期移交，剩余沟段随取土完成后验收",
                geometry=multi("MultiLineString", ditches_2023), links=[("ditch", ditches_2023)]),
        Project("农村大中沟逐年治理（2027—2030年）", "water", "water_conservancy", "planned", "2027-03-01", "2030-12-31",
                "simple", year=2027, investment=18800, done=1,
                target=(len(listed), "条", "全县74条大沟、470条中沟中尚未治理的列出计划，逐年治理"),
                links=[("ditch", listed)]),
        Project("拆除重建曹市闸", "water", "water_conservancy", "approved", "2027-03-01", "2028-06-30", "water",
                progress=5, investment=3150, target=(1, "座", "拆除重建曹市闸"), town="曹市镇", done=3,
                remarks="四类闸，环评及招标滞后，开工由2024年3月调整至2027年3月", geometry=("Point", caoshi_gate[0].coords),
                links=[("sluice", caoshi_gate)]),
        Project("2023年病险桥梁建设工程", "water", "transport", "under_construction", "2023-04-01", "2023-12-31", "simple",
                progress=58, investment=2880, target=(36, "座", "对36座病险桥梁进行改造升级"),
                remarks="部分桥梁涉及管线迁改，暂停施工", late="部分桥梁涉及通信及供水管线迁改，待迁改完成后验收",
                geometry=multi("MultiPoint", dangerous),
                links=[("bridge", dangerous)]),
        Project("2023年农田灌溉水有效利用系数测算", "water", "water_conservancy", "completed", "2023-03-01", "2023-12-31",
                "study", investment=18, target=(None, None, "选择典型灌区测算分析2023年农田灌溉水有效利用系数")),
        Project("大中型水闸标准化创建", "water", "water_conservancy", "under_construction", "2023-03-01", "2023-12-31",
                "standard", progress=70, investment=1050,
                target=(7, "座", "从工程状况、安全管理、运行管护、管理保障和信息化建设等方面实现标准化管理，力争通过省级评价"),
                remarks="省级标准化管理评价尚未通过", late="省级标准化管理评价尚未通过，整改后重新申报",
                geometry=multi("MultiPoint", standard), links=[("sluice", standard)]),
        Project("小型水闸安全鉴定", "water", "water_conservancy", "planned", "2027-04-01", "2027-10-31", "study",
                investment=90, target=(6, "座", "开展小型水闸安全鉴定，摸清工程安全状况"),
                remarks="受资金安排影响2023年未实施，列入2027年计划", geometry=multi("MultiPoint", appraisal), links=[("sluice", appraisal)]),
        Project("小型水闸管护提升", "water", "water_conservancy", "approved", "2027-03-01", "2027-12-31", "simple",
                progress=10, investment=360, target=(6, "座", "开展小型水闸管护提升，消除工程隐患，提高管理水平"),
                remarks="2023年立项后资金未到位，调整至2027年实施",
                geometry=multi("MultiPoint", upkeep), links=[("sluice", upkeep)]),
        Project("西淝河流域一级支流治理", "water", "water_conservancy", "completed", "2023-05-01", "2024-06-30", "water",
                investment=3600, target=(22.45, "km", "治理西淝河流域4条一级支流（西柳沟、大青龙沟、车辙沟、东柳沟）22.45公里"),
                geometry=multi("MultiLineString", first), links=[("river_segment", first)]),
        Project("西淝河流域二级支流治理", "water", "water_conservancy", "under_construction", "2023-10-01", "2027-06-30",
                "water", progress=72, remarks="三堂新沟段征迁协调，完工由2025年6月顺延至2027年6月", investment=3900, target=(25.01, "km", "治理2条二级支流（安宁沟、三堂新沟）25.01公里"),
                geometry=multi("MultiLineString", second), links=[("river_segment", second)]),
        Project("河长制“一月一通报”与网格化巡查", "water", "river_chief", "completed", "2023-01-01", "2023-12-31", "task",
                progress=100, target=(12, "期", "河道“四乱”问题一月一通报，纳入年终考核"), remarks="常态化工作，不作为建设项目管理",
                links=[("river_segment", world.layers["river_segment"])]),
        Project("农村基层预警平台站点维护", "water", "water_conservancy", "completed", "2023-03-01", "2023-05-31",
                "simple", investment=85, target=(25, "个", "做好农村基层预警平台站点维护，确保汛期发挥实效"),
                geometry=multi("MultiPoint", world.layers["warning_station"]),
                links=[("warning_station", world.layers["warning_station"])]),
        Project("农村饮水安全工程维修养护及消毒除氟设备运行维护", "water", "water_supply", "completed", "2023-01-01",
                "2023-12-31", "task", investment=1200,
                target=(None, None, "做好农村饮水工程维修养护和消毒、除氟设备运行维护，开展日常水质检测"),
                links=[("water_plant", world.find("water_plant", source="ground"))]),
        Project("经开区省级节水型园区创建", "water", "industry", "completed", "2023-06-01", "2024-12-31", "task",
                investment=150, town="城关镇", target=(None, None, "健全节水管理组织和制度，提高节水型企业覆盖率和水重复利用率")),
    ]


def land_projects(world):
    parcels = world.layers["land_parcel"]
    stock = ("approved_unsupplied", "idle")
    rates = {year: disposal_rate(parcels, stock, year) for year in DISPOSAL_RATES}
    industrial = {year: disposal_rate(parcels, ("inefficient_industrial",), year) for year in DISPOSAL_RATES}
    open_2024 = [p for p in parcels if (p.props["disposed_on"] or "9999") >= "2024"]
    county = [world.county]
    return [
        Project("批而未供和闲置土地处置（2023年度）", "natres", "land", "completed", "2023-01-01", "2023-12-31", "task",
                target=(20, "%", "批而未供和闲置土地年处置率不低于20%"), links=[("land_parcel", disposed_in(parcels, stock, 2023))],
                attributes={"achieved_pct": rates[2023]}),
        Project("低效工业用地处置（2023年度）", "natres", "land", "completed", "2023-01-01", "2023-12-31", "task",
                target=(20, "%", "工业低效用地年处置率不低于20%"),
                links=[("land_parcel", disposed_in(parcels, ("inefficient_industrial",), 2023))],
                attributes={"achieved_pct": industrial[2023]}),
        Project("批而未供、闲置和低效用地“一地一策”全域治理（2024—2026年）", "natres", "land", "under_construction",
                "2024-01-01", "2026-12-31", "task", year=2024, progress=80,
                target=(20, "%", "批而未供、闲置土地和工业低效用地年处置率均不低于20%；单位GDP建设用地使用面积年均下降率不低于5%"),
                links=[("land_parcel", open_2024)],
                attributes={"achieved_pct": {str(y): rates[y] for y in (2024, 2025, 2026)},
                            "achieved_industrial_pct": {str(y): industrial[y] for y in (2024, 2025, 2026)}}),
        Project("县级国土空间总体规划编制", "natres", "land", "completed", "2023-01-01", "2023-06-30", "study",
                investment=320, target=(None, None, "2023年6月全部完成县级国土空间总体规划编制"),
                geometry=("Polygon", county)),
        Project("房地一体宅基地确权登记", "natres", "land", "completed", "2023-01-01", "2023-12-31", "task",
                investment=860, target=(100, "%", "2023年底前实现应登尽登")),
        Project("年度卫片执法问题整改", "natres", "land", "completed", "2023-01-01", "2023-12-31", "task",
                target=(None, None, "按照月清、季度预警、半年分析、年度评估要求整改卫片执法问题，确保零约谈、零问责")),
        Project("年度土地储备计划和2023—2025年度土地储备三年滚动计划及供应计划", "natres", "land", "completed",
                "2023-01-01", "2023-04-30", "study", target=(None, None, "合理确定储备规模，统筹安排供应结构布局时序")),
        Project("“五未”土地处置", "commerce", "land", "under_construction", "2023-01-01", "2026-12-31", "task",
                progress=68, remarks="2023年未处置完毕的“五未”土地延续至2026年底", town="城关镇", target=(None, None, "加快处置“五未”土地，促进在谈项目尽早落地开工"),
                links=[("land_parcel", [p for p in world.find("land_parcel", category="idle", town="城关镇")])]),
    ]


def town_projects(world):
    nodes = world.layers["road_node"]
    g205 = world.roads["G205国道"]
    corridor = g205.piece(g205.project(nodes[-1].coords), g205.project(nodes[0].coords))
    chakou = next(v for v in world.villages if v.name == "汊口")
    seats = [from_bearing(t.seat, 45, 150) for t in TOWNS]
    stations = seats + [v.point for v in world.villages[9::25]]
    return [
        Project("205国道沿线集中整治（七个节点）", "donglinxi", "transport", "completed", "2023-03-01", "2023-11-30",
                "simple", investment=1450, town="东临溪镇",
                target=(7, "个", "打造五里亭桥北侧、昆仑物流园路口、广源路口、镇政府路口、临溪村路口、汊口村路口、源白路交口七个节点"),
                geometry=("LineString", corridor), links=[("road_node", nodes)]),
        Project("110千伏变电站", "donglinxi", "public_utility", "under_construction", "2023-05-01", "2024-12-31", "build",
                progress=55, investment=6800, town="东临溪镇", lead_unit="县供电公司",
                remarks="房地产公服配套项目，征迁扫尾，完工验收逾期", late="线路走廊征迁扫尾未完成，待送电后验收",
                geometry=world.site("110千伏变电站")),
        Project("燃气站", "donglinxi", "public_utility", "planned", "2027-07-01", "2028-06-30", "build", investment=1200,
                town="东临溪镇", lead_unit="县燃气公司", remarks="征迁未完成，项目储备，开工由2023年7月调整至2027年7月",
                geometry=world.site("燃气站")),
        Project("林溪郡", "donglinxi", "real_estate", "suspended", "2021-03-01", "2023-12-31", "build", progress=45,
                investment=38000, town="东临溪镇", lead_unit="安徽林溪置业有限公司", remarks="建设纠纷协调中，暂停施工",
                geometry=world.site("林溪郡")),
        Project("新安郡", "donglinxi", "real_estate", "under_construction", "2021-09-01", "2027-06-30", "build",
                progress=82, investment=42000, town="东临溪镇", lead_unit="安徽新安房地产开发有限公司",
                remarks="建设纠纷已协调，续建，交付由2024年6月顺延至2027年6月", geometry=world.site("新安郡")),
        Project("金港湾", "donglinxi", "real_estate", "completed", "2020-10-01", "2023-10-31", "build", investment=35000,
                town="东临溪镇", lead_unit="金港湾置业有限公司", geometry=world.site("金港湾")),
        Project("乐拓者项目", "donglinxi", "industry", "suspended", "2023-04-01", "2024-12-31", "build", progress=15,
                investment=12000, town="东临溪镇", done=3, remarks="征地拆迁问题未解决，暂缓实施", geometry=world.site("乐拓者")),
        Project("文启酒店", "donglinxi", "service", "approved", "2027-03-01", "2029-12-31", "build", progress=5,
                investment=9500, town="东临溪镇", done=4, remarks="征地拆迁问题协调中，开工由2024年3月调整至2027年3月", geometry=world.site("文启酒店")),
        Project("汊口村中心村美丽乡村建设", "donglinxi", "rural", "completed", "2023-03-01", "2023-11-30", "simple",
                investment=860, town="东临溪镇", target=(1, "个", "完成汊口村中心村美丽乡村建设"),
                geometry=("Polygon", [village_outline(chakou.point, 380)])),
        Project("村组道路升级改造", "donglinxi", "transport", "completed", "2023-04-01", "2023-12-31", "simple",
                investment=1350, town="东临溪镇", target=(None, None, "推动“一事一议”项目，抓好村组道路升级改造"),
                geometry=("MultiLineString", village_roads(world))),
        Project("中小型水利项目建设", "donglinxi", "water_conservancy", "completed", "2023-03-01", "2023-12-31", "simple",
                investment=420, town="东临溪镇", target=(None, None, "抓好中小型水利项目建设")),
        Project("先进制造业产业园标准化厂房（一期）", "commerce", "industry", "approved", "2027-01-01", "2028-12-31",
                "build", progress=8, investment=16500, town="城关镇", done=4,
                remarks="用地手续办理中，开工由2023年6月调整至2027年1月",
                geometry=world.site("标准化厂房")),
        Project("重点项目专班服务", "commerce", "service", "completed", "2023-01-01", "2023-12-31", "task",
                progress=100, target=(None, None, "成立重点项目专班，协调解决项目推进落地建设中的瓶颈问题")),
        Project("重点项目审批全链条服务", "approval", "service", "completed", "2023-01-01", "2023-12-31", "task",
                progress=100, target=(None, None, "畅通绿色通道，构建审前辅导、并联审批、审中协调、审后跟踪的全链条服务机制")),
        Project("村（社区）综合服务站融合共建", "approval", "service", "under_construction", "2023-01-01", "2026-12-31",
                "task", progress=90, investment=240, remarks="2023年建成主体，2024—2026年逐站融合共建",
                target=(len(stations), "个", "推进政政、政银、政邮、政企合作，打造基层综合服务平台"),
                geometry=("MultiPoint", stations)),
        Project("企业开办“零见面”智能审批", "approval", "service", "completed", "2023-01-01", "2023-06-30", "task",
                investment=150, target=(None, None, "提交符合智能审批要求的信息后一分钟左右反馈审核结果")),
    ]


def build_projects(world):
    rng = rng_for("projects")
    projects = water_projects(world) + land_projects(world) + town_projects(world)
    world.layers["project"] = [project_asset(rng, i, p) for i, p in enumerate(projects, 1)]


# ---------------------------------------------------------------- checks and output

COLLECTIONS = ("river_segment", "ditch", "sluice", "bridge", "road_node", "land_parcel", "water_plant", "pipeline",
               "dike", "warning_station", "project")
WORK_STATUSES = {"planned", "approved", "under_construction", "completed", "suspended", "none"}


def geometry_parts(kind, coords):
    """(vertices, lines, rings) of a geometry in local coordinates."""
    if kind is None:
        return [], [], []
    if kind in ("Point", "MultiPoint"):
        return ([coords] if kind == "Point" else coords), [], []
    if kind in ("LineString", "MultiLineString"):
        lines = [coords] if kind == "LineString" else coords
        return [p for line in lines for p in line], lines, []
    rings = coords if kind == "Polygon" else [ring for polygon in coords for ring in polygon]
    return [p for ring in rings for p in ring], [], rings


def check_geometry(world, collection, asset):
    where = f"{collection} {asset.props['code']}"
    vertices, lines, rings = geometry_parts(asset.kind, asset.coords)
    for p in vertices:
        lon, lat = rounded_lonlat(p)
        on_boundary = world.county_index.distance(p, 1.0) < 1.0
        if not (BBOX[0] <= lon <= BBOX[2] and BBOX[1] <= lat <= BBOX[3]) or not (point_in_ring(p, world.county)
                                                                                 or on_boundary):
            raise ValueError(f"{where} leaves the county")
    for line in lines:
        if not is_simple(line) or (collection != "project" and world.county_index.crosses(line)):
            raise ValueError(f"{where} crosses itself or the county boundary")
    for ring in rings:
        if polygon_area(ring) <= 0 or not is_simple(ring[:-1]):
            raise ValueError(f"{where} has a ring that is clockwise or self-intersecting")


def check_world(world):
    """The figures from the plans and the constraints of the schema, before anything is written."""
    for collection in COLLECTIONS:
        assets = world.layers[collection]
        codes = [a.props["code"] for a in assets]
        if len(set(codes)) != len(codes):
            raise ValueError(f"{collection}: duplicate codes")
        for asset in assets:
            props = asset.props
            town_ok = props["town"] in TOWN or (collection == "project" and props["town"] is None)
            no_project = collection == "project" and props["status"] == "none"  # 无项目 is for assets only
            if not props["name"].strip() or props["status"] not in WORK_STATUSES or no_project \
                    or props["department"] not in PLANS or not town_ok:
                raise ValueError(f"{collection} {props['code']}: bad core properties")
            check_geometry(world, collection, asset)
    ditches = world.layers["ditch"]
    figures = {
        "large ditches": (sum(d.props["class"] == "large" for d in ditches), 74),
        "medium ditches": (sum(d.props["class"] == "medium" for d in ditches), 470),
        "treated ditches": (sum(d.props["treated"] for d in ditches), TREATED_BEFORE_2023),
        "ditches planned for 2023": (sum(d.props["planned_year"] == 2023 and not d.props["treated"] for d in ditches),
                                     PLANNED_2023),
        "dangerous bridges": (len(world.find("bridge", condition="dangerous")), DANGEROUS_BRIDGES),
        "G205 nodes": (len(world.layers["road_node"]), len(G205_NODES)),
    }
    for what, (found, wanted) in figures.items():
        if found != wanted:
            raise ValueError(f"{found} {what}, the plans say {wanted}")
    codes = {(c, a.props["code"]) for c in COLLECTIONS for a in world.layers[c]}
    links = [(link["collection"], link["code"]) for p in world.layers["project"] for link in p.props["links"]]
    if not codes.issuperset(links):
        raise ValueError("a project links an asset that does not exist")


def geojson_coordinates(coords):
    if isinstance(coords[0], float):
        return list(rounded_lonlat(coords))
    return [geojson_coordinates(c) for c in coords]


def write_features(path, name, features):
    """A FeatureCollection with one feature per line, so that diffs stay readable. The projects say
    the day their history is recorded to (`asOf`), from which the loader moves their future dates."""
    lines = [json.dumps({"type": "Feature", "geometry": geometry and {
        "type": geometry[0], "coordinates": geojson_coordinates(geometry[1])}, "properties": props},
        ensure_ascii=False, separators=(",", ":")) for geometry, props in features]
    path.parent.mkdir(parents=True, exist_ok=True)
    as_of = f'"asOf":"{AS_OF.isoformat()}",' if name == "project" else ""
    path.write_text(f'{{"type":"FeatureCollection","name":"{name}",{as_of}"features":[\n' + ",\n".join(lines) + "\n]}\n",
                    encoding="utf-8")
    print(f"wrote {path.relative_to(OUT_DIR.parent)} ({len(features)} features)")


def write_county_profile(world):
    """The county profile Hetu loads on its first start: name, boundary, time zone, Gauss-Krüger zone,
    the box features may lie in, the first map view, departments, and towns with their villages."""
    profile = {
        "code": COUNTY_CODE, "nameZh": "示范县", "nameEn": "Demo County", "timeZone": "Asia/Shanghai", "gkZones": [39],
        "extent": [115.9, 32.9, 116.7, 33.6], "view": {"center": [116.3, 33.25], "zoom": 10},
        "departments": [{"code": code, "nameZh": zh, "nameEn": en} for code, zh, en in DEPARTMENTS],
        "towns": [{"nameZh": t.name, "nameEn": t.name_en, "kind": "county_seat" if t.name == COUNTY_SEAT else "town",
                   "seat": geojson_coordinates(t.seat),
                   "villages": sorted({f"{v.name}村" for v in world.villages if v.town == t.name})} for t in TOWNS],
        "boundary": {"type": "Polygon", "coordinates": [geojson_coordinates(world.county)]}}
    path = OUT_DIR / "county.json"
    path.write_text(json.dumps(profile, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(OUT_DIR.parent)}")


def write_basemap(world):
    basemap = OUT_DIR / "basemap"
    write_features(basemap / "roads.geojson", "roads", [(("LineString", world.roads[name].points), {
        "name": name, "ref": ref, "kind": kind}) for name, ref, kind, _ in ROADS])


def km(assets):
    return sum(geodesic_length(a.coords) for a in assets) / 1000


def main():
    world = World()
    for build in (build_roads, build_rivers, build_river_segments, build_dikes, build_road_nodes, build_villages,
                  build_ditches, build_sluices, build_bridges, build_warning_stations, build_water_plants,
                  build_pipelines, build_land, build_projects):
        build(world)
    check_world(world)
    for collection in COLLECTIONS:
        features = [((a.kind, a.coords) if a.kind else None, a.props) for a in world.layers[collection]]
        write_features(OUT_DIR / f"{collection}.geojson", collection, features)
    write_basemap(world)
    write_county_profile(world)
    print(f"包河 dredging {km(world.find('river_segment', name='包河喇叭沟口至石弓段')):.3f} km, "
          f"flood road {km(world.find('dike', name='包河右岸堤防（白洋沟—郑沟村）')):.3f} km, "
          f"西淝河 tributaries {km(world.named('river_segment', *XIFEI_FIRST)):.3f} km "
          f"+ {km(world.named('river_segment', *XIFEI_SECOND)):.3f} km")


if __name__ == "__main__":
    main()
