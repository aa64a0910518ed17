package ai.finetune.labeling.load;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of the labeling queue through the API of a running portal (not part of the build's tests):
 * N simulated labelers draw tasks ({@code GET /api/labeling/next}) and submit rankings or A/B verdicts for a
 * bounded time; some abandon a task so its lease must expire. Meanwhile a few signed-in labelers load the ranking
 * page. Checks afterwards: no non-overlap item was held by two labelers at once, no item went to more labelers
 * than its slots or twice to one, every accepted submission is stored, abandoned leases were re-granted only after
 * they expired. Prints throughput, p50/p95/p99 latencies and client timeouts.
 *
 * <p>Load model. Each simulated labeler loops: draw a task, think, submit. The think time is what separates a
 * workload from a saturation test: a person ranking 4-9 outputs takes tens of seconds, so the default is a think
 * time drawn uniformly from 10-30 s (mean 20 s: 50 labelers then submit about 2.5 tasks/s). {@code think=0} keeps
 * the old saturating mode (20-80 ms "reading"), which measures the server's capacity, not a 50-labeler day.
 * The three page viewers reload the ranking page every second in the realistic mode (a probe, not load), every
 * 100 ms when saturating. The lease must be longer than the longest think time, or honest labelers lose leases.
 *
 * <pre>java -cp labeler-ui/target/test-classes ai.finetune.labeling.load.LabelingLoad BASE_URL ADMIN_PASSWORD
 *     [labelers=50] [seconds=60] [leaseSeconds (as the portal runs)=20] [items=600] [think=10-30 seconds | 0]</pre>
 */
public final class LabelingLoad {

    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final Pattern ITEM = Pattern.compile("\"item\":(\\d+)");
    private static final Pattern KIND = Pattern.compile("\"kind\":\"(\\w+)\"");
    private static final Pattern EXPIRES = Pattern.compile("\"leaseExpiresAt\":\"([^\"]+)\"");
    private static final Pattern OUTPUT_ID = Pattern.compile("\\{\"id\":(\\d+),\"label\"");
    private static final Pattern SLOTS = Pattern.compile("\"id\":(\\d+),\"kind\":\"\\w+\",\"slots\":(\\d+)");

    /** A request that takes longer than this counts as a client timeout (a person gives up and reloads). */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    record Grant(long item, String labeler, long assignment, Instant at, Instant expires) {
    }

    private final String base;
    private final String adminAuth;
    /**
     * HTTP/1.1 as browsers speak it over plain http: Java's client otherwise asks for an h2c upgrade and then
     * multiplexes every simulated labeler over one HTTP/2 connection, which no set of real users does.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Long, Integer> slots = new ConcurrentHashMap<>();
    private final List<Grant> grants = new CopyOnWriteArrayList<>();
    private final Map<Long, Instant> submittedAt = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> submittedBy = new ConcurrentHashMap<>();
    private final List<Long> nextMs = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> submitMs = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> pageMs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong pageTimeouts = new AtomicLong();
    /** Submissions whose request timed out: the server may or may not have stored them. */
    private final AtomicLong uncertain = new AtomicLong();
    /** Think time between drawing and submitting, in ms; max 0 means the saturating mode. */
    private long thinkMinMs;
    private long thinkMaxMs;

    private LabelingLoad(String base, String adminPassword) {
        this.base = base.replaceAll("/$", "");
        this.adminAuth = basic("admin", adminPassword);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LabelingLoad BASE_URL ADMIN_PASSWORD [labelers] [seconds] [leaseSeconds] [items] [think=10-30|0]");
            System.exit(2);
        }
        int labelers = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int leaseSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int items = args.length > 5 ? Integer.parseInt(args[5]) : 600;
        String think = args.length > 6 ? args[6] : "10-30";
        LabelingLoad load = new LabelingLoad(args[0], args[1]);
        String[] range = think.split("-");
        load.thinkMinMs = (long) (Double.parseDouble(range[0]) * 1000);
        load.thinkMaxMs = (long) (Double.parseDouble(range[range.length - 1]) * 1000);
        if (load.thinkMaxMs > 0 && load.thinkMaxMs >= leaseSeconds * 1000L) {
            System.err.println("the longest think time (" + think + " s) must be shorter than the lease (" + leaseSeconds + " s)");
            System.exit(2);
        }
        System.exit(load.run(labelers, seconds, leaseSeconds, items) ? 0 : 1);
    }

    private boolean run(int labelers, int seconds, int leaseSeconds, int items) throws Exception {
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        long before = stat("submissions");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labelers + 3; i++) {
            String name = "load-" + tag + "-" + i;
            check(send("POST", "/api/users", adminAuth, "{\"name\":\"" + name + "\",\"password\":\"pw-" + name + "\",\"role\":\"LABELER\"}"), 201);
            check(send("PUT", "/api/labeling/admin/labelers/" + name, adminAuth, "{\"status\":\"ACTIVE\"}"), 200);
            names.add(name);
        }
        Random random = new Random(42);
        for (int i = 0; i < items; i++) {
            boolean ab = i % 10 == 9;
            int k = ab ? 2 : 4 + random.nextInt(6);
            StringBuilder outs = new StringBuilder();
            for (int j = 0; j < k; j++) {
                outs.append(j == 0 ? "" : ",").append("{\"model\":\"m").append(j).append("\",\"text\":\"answer ").append(j)
                        .append(" to prompt ").append(i).append("\\n    indented line\"}");
            }
            String body = check(send("POST", "/api/labeling/admin/items", adminAuth, "{\"kind\":\"" + (ab ? "AB" : "RANKING")
                    + "\",\"prompt\":\"load prompt " + tag + " " + i + "\",\"outputs\":[" + outs + "]}"), 201);
            Matcher m = SLOTS.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no id/slots in " + body);
            }
            slots.put(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
        }
        System.out.printf("setup: %d labelers (+3 page viewers), %d items (%d overlap), lease %d s, think %s%n", labelers, items,
                slots.values().stream().filter(s -> s > 1).count(), leaseSeconds,
                thinkMaxMs == 0 ? "none (saturating: 20-80 ms)" : thinkMinMs / 1000.0 + "-" + thinkMaxMs / 1000.0 + " s");

        // each labeler signs in once before the clock starts: the first check of a password is a full PBKDF2
        // verification (the portal then remembers it for a few minutes), a sign-in cost, not a per-task one
        for (String name : names) {
            check(send("GET", "/api/me", basic(name, "pw-" + name), null), 200);
        }
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(labelers + 3);
        for (int i = 0; i < labelers; i++) {
            String name = names.get(i);
            long seed = i;
            pool.submit(() -> labeler(name, end, leaseSeconds, new Random(seed)));
        }
        for (int i = labelers; i < labelers + 3; i++) {
            String name = names.get(i);
            pool.submit(() -> pageViewer(name, end));
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);

        long stored = stat("submissions") - before;
        boolean ok = report(seconds, stored, leaseSeconds);
        return ok;
    }

    private void labeler(String name, Instant end, int leaseSeconds, Random random) {
        String auth = basic(name, "pw-" + name);
        try {
            if (thinkMaxMs > 0) {
                Thread.sleep((long) (random.nextDouble() * thinkMaxMs)); // people do not all start in the same second
            }
            while (Instant.now().isBefore(end)) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = sendOrTimeout("GET", "/api/labeling/next", auth, null);
                if (r == null) {
                    nextMs.add(TIMEOUT.toMillis()); // counted at the limit, so the percentiles do not hide it
                    continue; // a lease it may have been given expires unseen, like an abandoned one
                }
                nextMs.add((System.nanoTime() - t0) / 1_000_000);
                if (r.statusCode() == 204) {
                    Thread.sleep(250);
                    continue;
                }
                if (r.statusCode() != 200) {
                    errors.incrementAndGet();
                    System.err.println(name + " next: " + r.statusCode() + " " + r.body());
                    Thread.sleep(250);
                    continue;
                }
                String body = r.body();
                long assignment = group(ID, body);
                long item = group(ITEM, body);
                Matcher exp = EXPIRES.matcher(body);
                exp.find();
                grants.add(new Grant(item, name, assignment, Instant.now(), Instant.parse(exp.group(1))));
                if (random.nextInt(100) < 3) {
                    // walks away: the lease must expire before anyone else gets the item
                    abandoned.incrementAndGet();
                    Thread.sleep(leaseSeconds * 1000L + 500);
                    continue;
                }
                // people read and rank for tens of seconds; the saturating mode only pauses for a moment
                Thread.sleep(thinkMaxMs == 0 ? 20 + random.nextInt(60)
                        : thinkMinMs + (long) (random.nextDouble() * (thinkMaxMs - thinkMinMs)));
                if (!Instant.now().isBefore(end)) {
                    break; // the run is over: an unsent submission is neither accepted nor lost
                }
                String submit;
                Matcher kind = KIND.matcher(body);
                kind.find();
                if (kind.group(1).equals("AB")) {
                    submit = "{\"verdict\":\"" + List.of("LEFT", "RIGHT", "TIE", "BOTH_BAD").get(random.nextInt(4)) + "\"}";
                } else {
                    List<Long> ids = new ArrayList<>();
                    Matcher o = OUTPUT_ID.matcher(body);
                    while (o.find()) {
                        ids.add(Long.parseLong(o.group(1)));
                    }
                    Collections.shuffle(ids, random);
                    StringBuilder order = new StringBuilder();
                    StringBuilder scores = new StringBuilder();
                    for (int i = 0; i < ids.size(); i++) {
                        order.append(i == 0 ? "" : ">").append(ids.get(i));
                        scores.append(i == 0 ? "" : ",").append('"').append(ids.get(i)).append("\":").append(1 + random.nextInt(7));
                    }
                    submit = "{\"ranking\":\"" + order + "\",\"scores\":{" + scores + "}}";
                }
                long t1 = System.nanoTime();
                Instant sent = Instant.now();
                HttpResponse<String> s = sendOrTimeout("POST", "/api/labeling/tasks/" + assignment, auth, submit);
                if (s == null) {
                    submitMs.add(TIMEOUT.toMillis());
                    uncertain.incrementAndGet(); // the server may still have stored it
                    continue;
                }
                submitMs.add((System.nanoTime() - t1) / 1_000_000);
                if (s.statusCode() == 200) {
                    accepted.incrementAndGet();
                    submittedAt.put(assignment, sent); // the server committed after this: a safe bound
                    submittedBy.computeIfAbsent(item, k -> new CopyOnWriteArrayList<>()).add(name);
                } else if (s.statusCode() == 400) {
                    refused.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                    System.err.println(name + " submit: " + s.statusCode() + " " + s.body());
                }
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            e.printStackTrace();
        }
    }

    /** A signed-in labeler reloading the ranking page (it keeps showing their leased task). */
    private void pageViewer(String name, Instant end) {
        try {
            HttpClient session = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
            session.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).build(), HttpResponse.BodyHandlers.discarding());
            String form = "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode("pw-" + name, StandardCharsets.UTF_8);
            session.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            while (Instant.now().isBefore(end)) {
                long t0 = System.nanoTime();
                HttpResponse<String> r;
                try {
                    r = session.send(HttpRequest.newBuilder(URI.create(base + "/labeling/rank.xhtml")).timeout(TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.net.http.HttpTimeoutException e) {
                    timeouts.incrementAndGet();
                    pageTimeouts.incrementAndGet();
                    pageMs.add(TIMEOUT.toMillis());
                    continue;
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (r.statusCode() == 200 && r.body().contains("ranking-list")) {
                    pageMs.add(ms);
                } else {
                    errors.incrementAndGet();
                    System.err.println(name + " page: " + r.statusCode());
                }
                Thread.sleep(thinkMaxMs == 0 ? 100 : 1000);
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            e.printStackTrace();
        }
    }

    private boolean report(int seconds, long stored, int leaseSeconds) {
        int violations = 0;
        int regrantedAfterExpiry = 0;
        Map<Long, List<Grant>> byItem = new ConcurrentHashMap<>();
        grants.forEach(g -> byItem.computeIfAbsent(g.item(), k -> new ArrayList<>()).add(g));
        int foreign = 0;
        for (var e : byItem.entrySet()) {
            if (!slots.containsKey(e.getKey())) {
                foreign++; // left over from an earlier run on the same database: its slots are not known here
                continue;
            }
            List<Grant> gs = e.getValue();
            gs.sort((a, b) -> a.at().compareTo(b.at()));
            int itemSlots = slots.get(e.getKey());
            for (int i = 0; i < gs.size(); i++) {
                for (int j = i + 1; j < gs.size(); j++) {
                    Grant a = gs.get(i);
                    Grant b = gs.get(j);
                    if (a.labeler().equals(b.labeler())) {
                        continue;
                    }
                    // b got the item while a's lease was live and a had not submitted: only overlap items allow that
                    Instant aDone = submittedAt.getOrDefault(a.assignment(), a.expires());
                    Instant aFreed = aDone.isBefore(a.expires()) ? aDone : a.expires();
                    boolean concurrent = b.at().isBefore(aFreed);
                    if (concurrent && itemSlots == 1) {
                        violations++;
                        System.err.println("item " + e.getKey() + " held by " + a.labeler() + " and " + b.labeler() + " at once");
                    }
                    if (!submittedAt.containsKey(a.assignment()) && !b.at().isBefore(a.expires())) {
                        regrantedAfterExpiry++;
                    }
                }
            }
            List<String> by = submittedBy.getOrDefault(e.getKey(), List.of());
            if (by.size() > itemSlots || by.size() != new java.util.HashSet<>(by).size()) {
                violations++;
                System.err.println("item " + e.getKey() + " (slots " + itemSlots + ") submitted by " + by);
            }
        }
        System.out.printf("ran %d s: %d draws, %d submissions accepted (%.2f/s), %d refused (lease lost), %d abandoned, %d errors%n",
                seconds, grants.size(), accepted.get(), accepted.get() / (double) seconds, refused.get(), abandoned.get(), errors.get());
        boolean noneLost = stored >= accepted.get() && stored <= accepted.get() + uncertain.get();
        System.out.printf("stored submissions: %d (accepted by the API: %d, timed out unanswered: %d) -> %s%n", stored,
                accepted.get(), uncertain.get(), noneLost ? "none lost" : "MISMATCH");
        System.out.printf("abandoned leases re-granted to another labeler after expiry (lease %d s): %d%n", leaseSeconds, regrantedAfterExpiry);
        System.out.printf("GET /api/labeling/next: %s; POST /api/labeling/tasks/{id}: %s%n", pct(nextMs), pct(submitMs));
        System.out.printf("ranking page GET /labeling/rank.xhtml under load: %s%n", pct(pageMs));
        if (foreign > 0) {
            System.out.printf("%d items drawn were left from an earlier run (not checked; use a fresh database)%n", foreign);
        }
        System.out.printf("violations (non-overlap item held by two, more labelers than slots, same labeler twice): %d%n", violations);
        System.out.printf("client timeouts (> %d s, counted in the percentiles at %d s): %d, of them ranking page %d%n",
                TIMEOUT.toSeconds(), TIMEOUT.toSeconds(), timeouts.get(), pageTimeouts.get());
        return violations == 0 && noneLost && errors.get() == 0;
    }

    private static String pct(List<Long> ms) {
        List<Long> s = new ArrayList<>(ms);
        Collections.sort(s);
        if (s.isEmpty()) {
            return "no samples";
        }
        return String.format("n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms", s.size(), s.get(s.size() / 2),
                s.get((int) Math.ceil(s.size() * 0.95) - 1), s.get((int) Math.ceil(s.size() * 0.99) - 1), s.get(s.size() - 1));
    }

    private long stat(String key) throws Exception {
        String body = check(send("GET", "/api/labeling/admin/stats", adminAuth, null), 200);
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private HttpResponse<String> send(String method, String path, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", auth);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send}, but a request that outlasts {@link #TIMEOUT} is counted and answered with null. */
    private HttpResponse<String> sendOrTimeout(String method, String path, String auth, String json) throws Exception {
        try {
            return send(method, path, auth, json);
        } catch (java.net.http.HttpTimeoutException e) {
            timeouts.incrementAndGet();
            return null;
        }
    }

    private static String check(HttpResponse<String> r, int expected) {
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static long group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
