package dev.custody.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Croissant 1.1 JSON-LD context (the specification's Appendix 1, plus {@code samplingRate}). */
final class CroissantContext {
    private CroissantContext() {}

    static ObjectNode create(ObjectMapper json) {
        ObjectNode context = json.createObjectNode();
        context.put("@language", "en");
        context.put("@vocab", "http://schema.org/");
        context.put("sc", "http://schema.org/");
        context.put("cr", "http://mlcommons.org/croissant/");
        context.put("rai", "http://mlcommons.org/croissant/RAI/");
        context.put("dct", "http://purl.org/dc/terms/");
        for (String term : new String[] {
            "annotation",
            "arrayShape",
            "citeAs",
            "column",
            "containedIn",
            "equivalentProperty",
            "excludes",
            "extract",
            "field",
            "fileProperty",
            "fileObject",
            "fileSet",
            "format",
            "includes",
            "isArray",
            "isLiveDataset",
            "jsonPath",
            "key",
            "md5",
            "parentField",
            "recordSet",
            "references",
            "regex",
            "readLines",
            "samplingRate",
            "sdVersion",
            "separator",
            "source",
            "subField",
            "transform",
            "unArchive",
            "value"
        }) {
            context.put(term, "cr:" + term);
        }
        context.put("conformsTo", "dct:conformsTo");
        context.putObject("data").put("@id", "cr:data").put("@type", "@json");
        context.putObject("dataType").put("@id", "cr:dataType").put("@type", "@vocab");
        context.putObject("examples").put("@id", "cr:examples").put("@type", "@json");
        return context;
    }
}
