package id.pasar.catalog.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listings' search index on OpenSearch, over its REST API with Spring's
 * {@link RestClient} and Jackson (ADR 0032: no client library, no second JSON stack). An
 * alias ({@code index}) names the physical index that searches and updates go to, so a
 * rebuild fills a new one and swaps the alias at once.
 *
 * <p>
 * The mapping: title and description with OpenSearch's {@code indonesian} analyzer (its
 * stop words and stemmer) and a scripted similarity under which each occurrence of a word
 * scores the query's boost for that field and nothing else (no document frequency, no
 * length): the text match stays a plain sum of the published weights of where the words
 * are, as {@code ts_rank_cd} sums them. For typos, {@code title.once} (stemmed) and
 * {@code title.plain} (the words as typed: {@code kemja} is one letter from
 * {@code kemeja}, two from its stem {@code meja}) count a word once.
 */
class OpenSearchIndex {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A word scores the query's boost each time it occurs in the field, and nothing else
     * (no document frequency, no length): {@code ts_rank_cd}'s sum of weights per
     * occurrence for one word.
     */
    private static final Map<String, Object> SIMILARITY = Map.of("weight_per_occurrence",
            Map.of("type", "scripted", "script", Map.of("source", "return query.boost * doc.freq;")));

    /**
     * For typos, where a word counts once: how well the title holds it, not how often.
     */
    private static final String ONCE = "boolean";

    static final Map<String, Object> SETTINGS_AND_MAPPINGS = Map.of("settings",
            Map.of("number_of_shards", 1, "number_of_replicas", 0, "refresh_interval", "1s", "similarity", SIMILARITY,
                    "analysis",
                    Map.of("analyzer", Map.of("plain_words",
                            Map.of("type", "custom", "tokenizer", "standard", "filter", List.of("lowercase"))))),
            "mappings",
            Map.of("dynamic", "strict", "properties", Map.ofEntries(Map.entry("id", Map.of("type", "keyword")),
                    Map.entry("title", Map.of("type", "text", "analyzer", "indonesian", "similarity",
                            "weight_per_occurrence", "fields",
                            Map.of("once", Map.of("type", "text", "analyzer", "indonesian", "similarity", ONCE),
                                    "plain", Map.of("type", "text", "analyzer", "plain_words", "similarity", ONCE)))),
                    Map.entry("description",
                            Map.of("type", "text", "analyzer", "indonesian", "similarity", "weight_per_occurrence")),
                    Map.entry("category_code", Map.of("type", "keyword")),
                    Map.entry("province_code", Map.of("type", "keyword")),
                    Map.entry("price_idr", Map.of("type", "long")), Map.entry("max_price_idr", Map.of("type", "long")),
                    Map.entry("in_stock", Map.of("type", "boolean")),
                    // the Asia/Jakarta date of the last publication, as midnight UTC
                    // of that date: whole days apart, for the freshness factor
                    Map.entry("published_day", Map.of("type", "date", "format", "epoch_millis")),
                    Map.entry("published_micros", Map.of("type", "long")))));

    /**
     * How long a write of the index (a bulk of 1,000 listings, a new index, the alias)
     * may take: far longer than a search, on a busy node.
     */
    private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(2);

    /** Searches, with the configured timeout. */
    private final RestClient http;

    private final RestClient writes;

    private final String alias;

    OpenSearchIndex(String url, String alias, Duration timeout) {
        this.http = client(url, timeout);
        this.writes = client(url, WRITE_TIMEOUT.compareTo(timeout) > 0 ? WRITE_TIMEOUT : timeout);
        this.alias = alias;
    }

    private static RestClient client(String url, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        return RestClient.builder()
            .baseUrl(url)
            .requestFactory(requests)
            .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
            .build();
    }

    String alias() {
        return alias;
    }

    /**
     * The physical index the alias names now, or null when there is none (the newest,
     * should it name several).
     */
    String current() {
        List<String> named = named();
        return named.isEmpty() ? null : named.get(named.size() - 1);
    }

    /**
     * The physical indices the alias names now, oldest first (their names end in millis).
     */
    private List<String> named() {
        Answer answer = call(HttpMethod.GET, "/_alias/" + alias, null);
        if (answer.status() == 404) {
            return List.of();
        }
        answer.require("read the alias");
        List<String> named = new ArrayList<>(answer.body().propertyNames());
        Collections.sort(named);
        return named;
    }

    void create(String index) {
        call(HttpMethod.PUT, "/" + index, JSON.writeValueAsString(SETTINGS_AND_MAPPINGS)).require("create " + index);
    }

    /**
     * Points the alias at {@code index} alone, in one step, and drops every index it
     * named before.
     */
    void swap(String index) {
        List<Object> actions = new ArrayList<>();
        actions.add(Map.of("add", Map.of("index", index, "alias", alias)));
        for (String old : named()) {
            if (!old.equals(index)) {
                actions.add(Map.of("remove_index", Map.of("index", old)));
            }
        }
        call(HttpMethod.POST, "/_aliases", JSON.writeValueAsString(Map.of("actions", actions)))
            .require("swap the alias");
    }

    void refresh(String index) {
        call(HttpMethod.POST, "/" + index + "/_refresh", null).require("refresh");
    }

    /**
     * A bulk request (newline-delimited actions); a version conflict is no failure: a
     * newer version is already there.
     */
    void bulk(String index, String ndjson) {
        Answer answer = call(HttpMethod.POST, "/" + index + "/_bulk", ndjson);
        answer.require("bulk");
        if (answer.body().path("errors").asBoolean(false)) {
            for (JsonNode item : answer.body().path("items")) {
                JsonNode result = item.values().iterator().next();
                int status = result.path("status").asInt();
                if (status >= 300 && status != 404 && status != 409) {
                    throw new IllegalStateException("OpenSearch refused a document: " + result);
                }
            }
        }
    }

    JsonNode search(Map<String, Object> body) {
        Answer answer = call(HttpMethod.POST, "/" + alias + "/_search", JSON.writeValueAsString(body));
        answer.require("search");
        return answer.body();
    }

    private Answer call(HttpMethod method, String path, String body) {
        RestClient client = method == HttpMethod.POST && path.endsWith("/_search") ? http : writes;
        RestClient.RequestBodySpec request = client.method(method).uri(path);
        if (body != null) {
            request = request.contentType(path.endsWith("_bulk") ? MediaType.parseMediaType("application/x-ndjson")
                    : MediaType.APPLICATION_JSON)
                .body(body);
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            return new Answer(response.getStatusCode().value(),
                    bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes));
        });
    }

    private record Answer(int status, JsonNode body) {

        void require(String what) {
            if (status >= 300) {
                throw new IllegalStateException("OpenSearch could not " + what + ": " + status + " " + body);
            }
        }
    }

}
