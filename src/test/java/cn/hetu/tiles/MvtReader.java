package cn.hetu.tiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a Mapbox vector tile (protobuf) decoder for the tests: layers, their extent, and
 * each feature's id, geometry type and properties. Geometry commands are not decoded.
 */
final class MvtReader {

    record Layer(String name, int extent, List<Feature> features) {

        List<Long> ids() {
            return features.stream().map(Feature::id).toList();
        }
    }

    /** @param type 1 point, 2 line string, 3 polygon */
    record Feature(long id, int type, Map<String, Object> properties) {
    }

    private final byte[] bytes;

    private int pos;

    private final int end;

    private MvtReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
    }

    static List<Layer> layers(byte[] tile) {
        MvtReader reader = new MvtReader(tile, 0, tile.length);
        List<Layer> layers = new ArrayList<>();
        while (reader.more()) {
            int tag = (int) reader.varint();
            if (tag >>> 3 == 3) {
                layers.add(reader.message().layer());
            }
            else {
                reader.skip(tag);
            }
        }
        return layers;
    }

    private Layer layer() {
        String name = null;
        int extent = 4096;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<MvtReader> features = new ArrayList<>();
        while (more()) {
            int tag = (int) varint();
            switch (tag >>> 3) {
                case 1 -> name = message().string();
                case 2 -> features.add(message());
                case 3 -> keys.add(message().string());
                case 4 -> values.add(message().value());
                case 5 -> extent = (int) varint();
                default -> skip(tag);
            }
        }
        return new Layer(name, extent, features.stream().map(f -> f.feature(keys, values)).toList());
    }

    private Feature feature(List<String> keys, List<Object> values) {
        long id = 0;
        int type = 0;
        Map<String, Object> properties = new LinkedHashMap<>();
        while (more()) {
            int tag = (int) varint();
            switch (tag >>> 3) {
                case 1 -> id = varint();
                case 2 -> {
                    MvtReader tags = message();
                    while (tags.more()) {
                        properties.put(keys.get((int) tags.varint()), values.get((int) tags.varint()));
                    }
                }
                case 3 -> type = (int) varint();
                default -> skip(tag);
            }
        }
        return new Feature(id, type, properties);
    }

    private Object value() {
        int tag = (int) varint();
        return switch (tag >>> 3) {
            case 1 -> message().string();
            case 2 -> Float.intBitsToFloat((int) fixed(4));
            case 3 -> Double.longBitsToDouble(fixed(8));
            case 4, 5 -> varint();
            case 6 -> {
                long n = varint();
                yield (n >>> 1) ^ -(n & 1);
            }
            case 7 -> varint() != 0;
            default -> throw new IllegalStateException("Unknown value field " + (tag >>> 3));
        };
    }

    private boolean more() {
        return pos < end;
    }

    private long varint() {
        long result = 0;
        for (int shift = 0;; shift += 7) {
            byte b = bytes[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
    }

    private long fixed(int size) {
        long result = 0;
        for (int i = 0; i < size; i++) {
            result |= (bytes[pos++] & 0xffL) << (8 * i);
        }
        return result;
    }

    /** The length-delimited field at the current position, as a reader of its own. */
    private MvtReader message() {
        int length = (int) varint();
        MvtReader inner = new MvtReader(bytes, pos, pos + length);
        pos += length;
        return inner;
    }

    private String string() {
        return new String(bytes, pos, end - pos, StandardCharsets.UTF_8);
    }

    private void skip(int tag) {
        switch (tag & 7) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> message();
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("Unknown wire type " + (tag & 7));
        }
    }

}
