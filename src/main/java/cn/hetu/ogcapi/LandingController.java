package cn.hetu.ogcapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.county.County;
import cn.hetu.security.LayerAccess;


/** The entry documents of OGC API - Features: landing page, conformance and the API definition. */
@RestController
class LandingController {

    private final LayerAccess access;

    private final County county;

    LandingController(LayerAccess access, County county) {
        this.county = county;
        this.access = access;
    }

    @GetMapping(path = { "/ogc", "/ogc/" }, produces = { MediaTypes.JSON, MediaTypes.HTML })
    ResponseEntity<?> landing(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        Links links = Links.of(request);
        if (HtmlPages.wanted(params, request)) {
            HtmlPages page = new HtmlPages(HtmlPages.language(params, locale));
            String lang = HtmlPages.query(params);
            return HtmlPages.answer(page.open("Hetu 河图 OGC API", links.url("/ogc?f=json"), MediaTypes.JSON, links.url("/ogc" + lang))
                .paragraph(page.say("县域水利、自然资源、交通设施与重点项目登记。", "GIS asset and project registry of the county."))
                .linkList(List.of(new String[] { links.url("/ogc/collections" + lang), page.say("数据集合", "Collections") },
                        new String[] { links.url("/ogc/conformance" + lang), page.say("符合的标准类", "Conformance classes") },
                        new String[] { links.url("/ogc/tiles"), page.say("全部数据集合的矢量瓦片（OGC API - Tiles）",
                                "Vector tiles of every collection (OGC API - Tiles)") },
                        new String[] { links.url("/ogc/tileMatrixSets"), page.say("瓦片矩阵集", "Tile matrix sets") },
                        new String[] { links.url("/ogc/api"), page.say("API 定义（OpenAPI 3.0）", "API definition (OpenAPI 3.0)") },
                        new String[] { links.url("/swagger-ui/index.html?urls.primaryName=OGC%20API%20-%20Features"),
                                page.say("API 文档", "API documentation") }))
                .close());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Documents.LandingPage("Hetu 河图", "县域水利、自然资源、交通设施与重点项目登记 — GIS asset and project registry of the county",
                List.of(links.link("/ogc", "self", MediaTypes.JSON, "This document"),
                        links.link("/ogc/api", "service-desc", MediaTypes.OPENAPI, "API definition (OpenAPI 3.0)"),
                        links.link("/swagger-ui/index.html?urls.primaryName=OGC%20API%20-%20Features", "service-doc",
                                MediaTypes.HTML, "API documentation"),
                        links.link("/ogc/conformance", "conformance", MediaTypes.JSON, "Conformance classes"),
                        links.link("/ogc/conformance", "http://www.opengis.net/def/rel/ogc/1.0/conformance",
                                MediaTypes.JSON, "Conformance classes"),
                        links.link("/ogc/collections", "data", MediaTypes.JSON, "Collections"),
                        links.link("/ogc/collections", "http://www.opengis.net/def/rel/ogc/1.0/data", MediaTypes.JSON,
                                "Collections"),
                        links.link("/ogc/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", MediaTypes.JSON,
                                "Vector tiles of every collection"),
                        links.link("/ogc/tileMatrixSets", "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
                                MediaTypes.JSON, "Tile matrix sets"),
                        links.link("/ogc?f=html", "alternate", MediaTypes.HTML, "This document as HTML"))));
    }

    @GetMapping(path = "/ogc/conformance", produces = { MediaTypes.JSON, MediaTypes.HTML })
    ResponseEntity<?> conformance(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        if (HtmlPages.wanted(params, request)) {
            Links links = Links.of(request);
            HtmlPages page = new HtmlPages(HtmlPages.language(params, locale));
            return HtmlPages.answer(page.open(page.say("符合的标准类", "Conformance classes"), links.url("/ogc/conformance?f=json"),
                    MediaTypes.JSON, links.url("/ogc" + HtmlPages.query(params)))
                .linkList(Conformance.CLASSES.stream().map(uri -> new String[] { uri, uri }).toList())
                .close());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Documents.Conformance(Conformance.CLASSES));
    }

    @GetMapping(path = "/ogc/api", produces = { MediaTypes.OPENAPI, MediaTypes.JSON })
    Map<String, Object> api(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        return OpenApiDocument.of(Links.of(request).url("/ogc"), access.readableCollections(), county.crsUris());
    }

}
