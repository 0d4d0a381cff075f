"""QGIS itself, headless, as GIS staff use Hetu: every collection as an OGC API - Features layer signed in
with an API token as the Basic password, the published QML applied, the vector tiles drawn, a screenshot.

Usage: qgis_client.py BASE_URL USER TOKEN BBOX(w,s,e,n) SCREENSHOT.png
Prints one JSON report; the JUnit test (QgisClientTests) compares it with the database.
"""
import base64
import json
import os
import re
import sys
import tempfile
import urllib.request

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
auth_dir = tempfile.mkdtemp(prefix="hetu-qgis-auth-")
os.environ["QGIS_AUTH_DB_DIR_PATH"] = auth_dir

from qgis.core import (Qgis, QgsApplication, QgsAuthMethodConfig, QgsCoordinateReferenceSystem, QgsFeatureRequest,  # noqa: E402
                       QgsMapRendererSequentialJob, QgsMapSettings, QgsProject, QgsRectangle, QgsVectorDataProvider, QgsVectorLayer,
                       QgsVectorTileLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

base, user, token, bbox, screenshot = sys.argv[1:6]
west, south, east, north = (float(v) for v in bbox.split(","))

app = QgsApplication([], False)
app.initQgis()
manager = QgsApplication.authManager()
manager.setMasterPassword("hetu-qgis-test", True)
config = QgsAuthMethodConfig("Basic")
config.setName("hetu")
config.setConfig("username", user)
config.setConfig("password", token)
manager.storeAuthenticationConfig(config)
authcfg = config.id()


def get(path):
    request = urllib.request.Request(base + path, headers={
        "Authorization": "Basic " + base64.b64encode(f"{user}:{token}".encode()).decode(), "Accept": "application/json"})
    with urllib.request.urlopen(request) as reply:
        return reply.read()


report = {"qgis": Qgis.QGIS_VERSION, "collections": {}}
han = re.compile(r"[\u4e00-\u9fff]")
layers = []
for collection in json.loads(get("/ogc/collections"))["collections"]:
    cid = collection["id"]
    uri = f"url='{base}/ogc' typename='{cid}' authcfg='{authcfg}' pageSize='1000'"
    layer = QgsVectorLayer(uri, cid, "OAPIF")
    entry = {"valid": layer.isValid()}
    if layer.isValid():
        features = list(layer.getFeatures())
        entry["count"] = len(features)
        names = [str(f["name"]) for f in features if "name" in f.fields().names() and f["name"] and han.search(str(f["name"]))]
        entry["chineseName"] = names[0] if names else None
        request = QgsFeatureRequest().setFilterRect(QgsRectangle(west, south, east, north)).setFlags(
            QgsFeatureRequest.ExactIntersect)
        entry["inBbox"] = sum(1 for _ in layer.getFeatures(request))
        entry["editable"] = bool(layer.dataProvider().capabilities() & QgsVectorDataProvider.AddFeatures)
        if any(link["rel"].endswith("/styles") for link in collection["links"]):
            qml = os.path.join(auth_dir, cid + ".qml")
            with open(qml, "wb") as out:
                out.write(get(f"/ogc/collections/{cid}/styles/hetu?f=qml"))
            message, ok = layer.loadNamedStyle(qml)
            renderer = layer.renderer()
            entry["style"] = {"loaded": bool(ok), "renderer": renderer.type(),
                              "categories": len(renderer.categories()) if hasattr(renderer, "categories") else 0,
                              "labels": layer.labelsEnabled()}
            layers.append(layer)
    report["collections"][cid] = entry

tiles = QgsVectorTileLayer(
    f"type=xyz&url={base}/ogc/tiles/WebMercatorQuad/{{z}}/{{y}}/{{x}}&zmin=0&zmax=22&authcfg={authcfg}", "hetu tiles")
report["tiles"] = {"valid": tiles.isValid()}

project = QgsProject.instance()
for layer in layers:
    project.addMapLayer(layer)
project.addMapLayer(tiles)


def render(map_layers, path):
    settings = QgsMapSettings()
    settings.setLayers(map_layers)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(1000, 760))
    settings.setBackgroundColor(QColor(255, 255, 255))
    extent = QgsRectangle(west, south, east, north)
    from qgis.core import QgsCoordinateTransform
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:3857"),
                                       project)
    settings.setExtent(transform.transformBoundingBox(extent))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(path, "PNG")
    coloured = 0
    for x in range(0, image.width(), 4):
        for y in range(0, image.height(), 4):
            if image.pixelColor(x, y).name() != "#ffffff":
                coloured += 1
    return coloured


report["tiles"]["colouredPixels"] = render([tiles], screenshot.replace(".png", "-tiles.png"))
report["screenshot"] = {"path": screenshot, "colouredPixels": render(list(reversed(layers)), screenshot)}
print("HETU-QGIS-REPORT " + json.dumps(report, ensure_ascii=False))
app.exitQgis()
