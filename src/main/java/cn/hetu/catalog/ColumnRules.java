package cn.hetu.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import cn.hetu.catalog.Labels.Language;
import cn.hetu.system.FieldRefusal;

/**
 * The rules the database keeps for each column (NOT NULL, CHECK constraints with allowed values,
 * bounds and lengths), read from the database's own catalogue so that the form, the API's checks and
 * the explanation of a refusal can never disagree with it. Constraint names stay here: a client
 * hears the field and a code, in its language.
 */
@Component
public class ColumnRules implements FieldRefusal.Explainer {

    /** What a column allows; null where no rule says anything. */
    public record Rule(boolean required, List<String> allowed, BigDecimal minimum, boolean exclusiveMinimum,
            BigDecimal maximum, boolean exclusiveMaximum, Integer maxLength, boolean notBlank) {

        private static final Rule NONE = new Rule(false, null, null, false, null, false, null, false);

        /**
         * The rule in JSON Schema words, added to a property that already has its {@code type}; the allowed values as
         * an {@code enum} unless {@code enumOfStrings} is false and the property is a string (then it lists them its
         * own way, with titles).
         */
        public void describe(Map<String, Object> property, boolean enumOfStrings) {
            if (allowed != null && (enumOfStrings || !"string".equals(property.get("type")))) {
                property.put("enum", allowed.stream().map(v -> "integer".equals(property.get("type")) ? (Object) Long.valueOf(v) : v).toList());
            }
            if (minimum != null) {
                property.put(exclusiveMinimum ? "exclusiveMinimum" : "minimum", minimum);
            }
            if (maximum != null) {
                property.put(exclusiveMaximum ? "exclusiveMaximum" : "maximum", maximum);
            }
            if (maxLength != null) {
                property.put("maxLength", maxLength);
            }
            if (notBlank) {
                property.put("minLength", 1);
            }
        }

    }

    private record Constraint(String name, char type, String definition, List<String> columns) {
    }

    private record TableRules(Map<String, Rule> columns, Set<String> defaulted, Map<String, Object> defaultValues,
            Map<String, Constraint> constraints) {
    }

    /** A column default that is a constant: 'none'::text, false, 0. Function calls (now()) and identities are not. */
    private static final Pattern CONSTANT_DEFAULT = Pattern.compile("^(?:'((?:[^']|'')*)'::[a-z ]+|(true|false)|(-?[0-9]+(?:\\.[0-9]+)?))$");

    private static final Pattern ALLOWED_VALUE = Pattern.compile("'((?:[^']|'')*)'");

    private static final Pattern BOUND = Pattern.compile("\\((\\w+) (>=|>|<=|<) \\(?(-?[0-9.]+)\\)?(?:::\\w+)?\\)");

    private static final Pattern MAX_LENGTH = Pattern.compile("char_length\\((\\w+)\\) <= (\\d+)");

    /** The lifecycle triggers' own refusal: "... cannot change from approved to completed". */
    private static final Pattern TRANSITION = Pattern.compile("cannot change from (\\w+) to (\\w+)");

    private static final Pattern FUNCTION_CHECK = Pattern.compile("^CHECK \\((\\w+)\\((\\w+)\\)\\)$");

    private final JdbcClient jdbc;

    private final Labels labels;

    private final Catalog catalog;

    private final Map<String, TableRules> tables = new ConcurrentHashMap<>();

    ColumnRules(JdbcClient jdbc, Labels labels, Catalog catalog) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.catalog = catalog;
    }

    public Rule rule(Layer layer, String column) {
        return table(layer.id()).columns().getOrDefault(column, Rule.NONE);
    }

    /**
     * Checks the values a write would store (all writable columns when {@code whole}: a create or a
     * replacement) and refuses the first that breaks a rule, naming it.
     */
    public void check(Layer layer, Map<String, JsonNode> values, boolean whole) {
        Language language = Language.of(null, LocaleContextHolder.getLocale());
        for (Column column : layer.writableColumns()) {
            Rule rule = rule(layer, column.name());
            JsonNode value = values.get(column.name());
            if (value == null || value.isNull()) {
                if (rule.required() && (whole || value != null) && !hasDefault(layer, column.name())) {
                    throw refusal("required", layer, column.name(), language);
                }
                continue;
            }
            String text = value.isString() ? value.asString() : null;
            if (rule.notBlank() && text != null && text.isBlank()) {
                throw refusal("blank", layer, column.name(), language);
            }
            if (rule.maxLength() != null && text != null && text.codePointCount(0, text.length()) > rule.maxLength()) {
                throw refusal("too_long", layer, column.name(), language, rule.maxLength());
            }
            if (rule.allowed() != null && !rule.allowed().contains(value.asString())) {
                throw refusal("not_allowed", layer, column.name(), language, allowed(layer, column.name(), rule, language));
            }
            if (value.isNumber()) {
                BigDecimal number = value.decimalValue();
                if (rule.minimum() != null && (rule.exclusiveMinimum() ? number.compareTo(rule.minimum()) <= 0
                        : number.compareTo(rule.minimum()) < 0)) {
                    throw refusal(rule.exclusiveMinimum() ? "too_small_exclusive" : "too_small", layer, column.name(),
                            language, rule.minimum());
                }
                if (rule.maximum() != null && (rule.exclusiveMaximum() ? number.compareTo(rule.maximum()) >= 0
                        : number.compareTo(rule.maximum()) > 0)) {
                    throw refusal(rule.exclusiveMaximum() ? "too_large_exclusive" : "too_large", layer, column.name(),
                            language, rule.maximum());
                }
            }
        }
    }

    /** A refusal of the database told by its constraint: the field and the kind of rule, never the constraint's name. */
    @Override
    public FieldRefusal explain(String sqlState, String table, String constraint, String column, String message) {
        Language language = Language.of(null, LocaleContextHolder.getLocale());
        // A trigger's refusal names no table, only its constraint, which starts with the table's name.
        Layer layer = table != null ? layer(table) : constraint == null ? null : catalog.layers()
            .stream()
            .filter(l -> constraint.startsWith(l.id() + "_"))
            .max(Comparator.comparingInt(l -> l.id().length()))
            .orElse(null);
        if (layer == null) {
            return null;
        }
        if ("23502".equals(sqlState) && column != null) {
            return refusal("required", layer, column, language);
        }
        Matcher transition = TRANSITION.matcher(message == null ? "" : message);
        if ("23514".equals(sqlState) && constraint != null && constraint.endsWith("_transition") && transition.find()) {
            String field = layer.column("disposal_status").isPresent() && constraint.contains("disposal") ? "disposal_status" : "status";
            Map<String, String> words = labels.values(layer.id(), field, language);
            String from = words.getOrDefault(transition.group(1), transition.group(1));
            String to = words.getOrDefault(transition.group(2), transition.group(2));
            return new FieldRefusal("not_allowed_transition", field, message("not_allowed_transition", language,
                    fieldName(layer, field, language), from, to));
        }
        Constraint known = constraint == null ? null : table(layer.id()).constraints().get(constraint);
        if (known == null || known.columns().isEmpty()) {
            return null;
        }
        String field = known.columns().get(0);
        return switch (sqlState) {
            case "23505" -> refusal("duplicate", layer, field, language);
            case "23503" -> refusal("unknown_reference", layer, field, language);
            case "23514" -> known.columns().size() > 1
                    ? new FieldRefusal("inconsistent", field, message("inconsistent", language, known.columns()
                        .stream()
                        .map(c -> fieldName(layer, c, language))
                        .collect(Collectors.joining(language == Language.ZH ? "与" : " and "))))
                    : checkRefusal(layer, field, language);
            default -> null;
        };
    }

    private FieldRefusal checkRefusal(Layer layer, String field, Language language) {
        Rule rule = rule(layer, field);
        if (rule.allowed() != null) {
            return refusal("not_allowed", layer, field, language, allowed(layer, field, rule, language));
        }
        if (rule.maxLength() != null) {
            return refusal("too_long", layer, field, language, rule.maxLength());
        }
        return refusal("invalid", layer, field, language);
    }

    private Layer layer(String table) {
        return table == null ? null : catalog.find(table).orElse(null);
    }

    boolean hasDefault(Layer layer, String column) {
        return table(layer.id()).defaulted().contains(column);
    }

    /** The value the database gives a column nobody writes, when it is a constant; null otherwise. */
    Object defaultValue(Layer layer, String column) {
        return table(layer.id()).defaultValues().get(column);
    }

    private String allowed(Layer layer, String column, Rule rule, Language language) {
        Map<String, String> words = labels.values(layer.id(), column, language);
        return rule.allowed().stream().map(v -> words.getOrDefault(v, v)).collect(Collectors.joining(language == Language.ZH ? "、" : ", "));
    }

    private FieldRefusal refusal(String code, Layer layer, String column, Language language, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = fieldName(layer, column, language);
        System.arraycopy(args, 0, all, 1, args.length);
        Object limit = code.startsWith("too_") ? args[0] : null;
        return new FieldRefusal(code.replace("_exclusive", ""), column, message(code, language, all), limit,
                code.endsWith("_exclusive"));
    }

    private String fieldName(Layer layer, String column, Language language) {
        return layer.column(column).map(c -> labels.field(layer, c, language)).orElse(column);
    }

    private static final Map<String, String[]> MESSAGES = Map.ofEntries(
            Map.entry("required", new String[] { "请填写%s", "%s is required" }),
            Map.entry("blank", new String[] { "%s不能为空白", "%s must not be blank" }),
            Map.entry("too_long", new String[] { "%s最多 %s 个字", "%s has at most %s characters" }),
            Map.entry("not_allowed", new String[] { "%s只能是：%s", "%s must be one of: %s" }),
            Map.entry("too_small", new String[] { "%s不能小于 %s", "%s must be at least %s" }),
            Map.entry("too_small_exclusive", new String[] { "%s须大于 %s", "%s must be greater than %s" }),
            Map.entry("too_large", new String[] { "%s不能大于 %s", "%s must be at most %s" }),
            Map.entry("too_large_exclusive", new String[] { "%s须小于 %s", "%s must be less than %s" }),
            Map.entry("duplicate", new String[] { "%s已被其他要素使用", "%s is already used by another feature" }),
            Map.entry("unknown_reference", new String[] { "%s不是已登记的值", "%s is not a registered value" }),
            Map.entry("inconsistent", new String[] { "%s不一致", "%s do not agree" }),
            Map.entry("not_allowed_transition", new String[] { "%s不能从“%s”直接改为“%s”",
                "%s cannot change from %s to %s" }),
            Map.entry("invalid", new String[] { "%s不符合登记规则", "%s breaks a rule of the registry" }));

    private static String message(String code, Language language, Object... args) {
        return MESSAGES.get(code)[language == Language.ZH ? 0 : 1].formatted(args);
    }

    private TableRules table(String table) {
        return tables.computeIfAbsent(table, this::load);
    }

    private TableRules load(String table) {
        Map<String, Rule> columns = new LinkedHashMap<>();
        Set<String> defaulted = new HashSet<>();
        Map<String, Object> defaultValues = new HashMap<>();
        jdbc.sql("""
                SELECT column_name, is_nullable = 'NO', column_default IS NOT NULL OR is_generated = 'ALWAYS', column_default
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?""")
            .param(table)
            .query(rs -> {
                columns.put(rs.getString(1), new Rule(rs.getBoolean(2), null, null, false, null, false, null, false));
                if (rs.getBoolean(3)) {
                    defaulted.add(rs.getString(1));
                }
                Matcher constant = CONSTANT_DEFAULT.matcher(rs.getString(4) == null ? "" : rs.getString(4));
                if (constant.matches()) {
                    defaultValues.put(rs.getString(1), constant.group(1) != null ? constant.group(1).replace("''", "'")
                            : constant.group(2) != null ? (Object) Boolean.valueOf(constant.group(2)) : new BigDecimal(constant.group(3)));
                }
            });
        Map<String, Constraint> constraints = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT k.conname, k.contype, pg_get_constraintdef(k.oid),
                       ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[]
                FROM pg_constraint k WHERE k.conrelid = to_regclass(quote_ident(?))""")
            .param(table)
            .query(rs -> {
                List<String> names = List.of((String[]) rs.getArray(4).getArray());
                constraints.put(rs.getString(1), new Constraint(rs.getString(1), rs.getString(2).charAt(0), rs.getString(3), names));
            });
        for (Constraint constraint : constraints.values()) {
            if (constraint.type() == 'c' && constraint.columns().size() == 1) {
                String column = constraint.columns().get(0);
                columns.computeIfPresent(column, (c, rule) -> withCheck(rule, constraint.definition()));
            }
        }
        return new TableRules(columns, defaulted, defaultValues, constraints);
    }

    private Rule withCheck(Rule rule, String definition) {
        List<String> allowed = rule.allowed();
        BigDecimal min = rule.minimum();
        BigDecimal max = rule.maximum();
        boolean exclusiveMin = rule.exclusiveMinimum();
        boolean exclusiveMax = rule.exclusiveMaximum();
        Integer maxLength = rule.maxLength();
        boolean notBlank = rule.notBlank() || definition.contains("length(TRIM(BOTH FROM ");
        Matcher function = FUNCTION_CHECK.matcher(definition);
        if (definition.contains("= ANY (ARRAY[")) {
            allowed = quoted(definition);
        }
        else if (function.matches()) {
            // PostGIS overloads its functions (st_isvalid(geometry) and st_isvalid(geometry, integer)): the one-argument one
            allowed = quoted(jdbc.sql("SELECT prosrc FROM pg_proc WHERE proname = ? AND pronargs = 1 ORDER BY oid LIMIT 1")
                .param(function.group(1))
                .query(String.class).optional().orElse(""));
        }
        Matcher length = MAX_LENGTH.matcher(definition);
        if (length.find()) {
            maxLength = Integer.valueOf(length.group(2));
        }
        else if (!notBlank) {
            Matcher bound = BOUND.matcher(definition);
            while (bound.find()) {
                BigDecimal value = new BigDecimal(bound.group(3));
                switch (bound.group(2)) {
                    case ">=" -> min = value;
                    case ">" -> { min = value; exclusiveMin = true; }
                    case "<=" -> max = value;
                    default -> { max = value; exclusiveMax = true; }
                }
            }
        }
        return new Rule(rule.required(), allowed == null || allowed.isEmpty() ? null : allowed, min, exclusiveMin, max,
                exclusiveMax, maxLength, notBlank);
    }

    private static List<String> quoted(String text) {
        List<String> values = new ArrayList<>();
        Matcher m = ALLOWED_VALUE.matcher(text);
        while (m.find()) {
            values.add(m.group(1).replace("''", "'"));
        }
        return values;
    }

}
