package ai.finetune.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LabelingQueueTest {

    private final TestDb db = new TestDb();

    @AfterEach
    void close() {
        db.close();
    }

    private long rankingItem(int k) {
        List<ModelOutput> outs = IntStream.range(0, k).mapToObj(i -> new ModelOutput("model-" + i, "answer " + i)).toList();
        return db.tx(s -> s.items().createRanking("Write a haiku", outs, "test").getId());
    }

    private Optional<Long> draw(String labeler) {
        return db.tx(s -> s.queue().next(labeler, null).map(Assignment::getId));
    }

    private long itemOf(long assignmentId) {
        return db.tx(s -> s.queue().read(assignmentId, "admin", true).getItem().getId());
    }

    private void submitInOrder(long assignmentId, String labeler) {
        db.tx(s -> {
            Assignment a = s.queue().read(assignmentId, labeler, false);
            List<Long> ids = a.getItem().outputIds();
            Map<Long, Integer> scores = new HashMap<>();
            ids.forEach(id -> scores.put(id, 4));
            RankOrder order = new RankOrder(ids.stream().map(List::of).toList());
            return s.queue().submitRanking(assignmentId, labeler, new RankingInput(order, scores, Map.of()));
        });
    }

    @Test
    void onlyActiveLabelersGetWork() {
        rankingItem(4);
        LabelingException e = assertThrows(LabelingException.class, () -> draw("newcomer"));
        assertTrue(e.isForbidden());
        assertTrue(e.getMessage().contains("only active labelers"), e.getMessage());
        db.tx(s -> s.profiles().decide("newcomer", LabelerStatus.REJECTED, "failed", "admin"));
        assertThrows(LabelingException.class, () -> draw("newcomer"));
        db.activate("newcomer");
        assertTrue(draw("newcomer").isPresent());
    }

    @Test
    void nonOverlapItemGoesToOneLabelerAndExpiredLeaseReturnsToQueue() {
        // the first item of ten is not an overlap item at 10%: it has one slot
        long item = rankingItem(4);
        assertEquals(1, (int) db.tx(s -> s.items().find(item).getSlots()));
        db.activate("ann", "bob");
        long annsWork = draw("ann").orElseThrow();
        assertEquals(Optional.empty(), draw("bob"), "the only slot is leased to ann");
        assertEquals(annsWork, draw("ann").orElseThrow(), "asking again returns the same lease");

        db.clock.advance(db.settings.lease().plusSeconds(1));
        long bobsWork = draw("bob").orElseThrow();
        assertEquals(item, itemOf(bobsWork));
        assertEquals(AssignmentState.EXPIRED, db.tx(s -> s.queue().read(annsWork, "ann", false).getState()));
        // ann's late submission is refused: the slot is bob's now
        LabelingException late = assertThrows(LabelingException.class, () -> submitInOrder(annsWork, "ann"));
        assertTrue(late.getMessage().contains("went to another labeler"), late.getMessage());
        submitInOrder(bobsWork, "bob");
        assertEquals(Optional.empty(), draw("ann"));
    }

    @Test
    void lateSubmissionIsKeptWhileNobodyTookTheSlot() {
        rankingItem(5);
        db.activate("ann");
        long work = draw("ann").orElseThrow();
        db.clock.advance(Duration.ofHours(3));
        submitInOrder(work, "ann");
        assertEquals(AssignmentState.SUBMITTED, db.tx(s -> s.queue().read(work, "ann", false).getState()));
    }

    @Test
    void overlapItemGoesToThreeDifferentLabelersAndNeverTwiceToOne() {
        // at 10% the 10th item (9 before it) is the overlap item
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(rankingItem(4));
        }
        long overlapItem = items.get(9);
        assertEquals(3, (int) db.tx(s -> s.items().find(overlapItem).getSlots()));
        assertEquals(1, items.stream().filter(id -> db.tx(s -> s.items().find(id).isOverlap())).count());

        String[] labelers = {"l1", "l2", "l3", "l4"};
        db.activate(labelers);
        Map<Long, List<String>> judgedBy = new HashMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (String l : labelers) {
                Optional<Long> a = draw(l);
                if (a.isPresent()) {
                    long item = itemOf(a.get());
                    judgedBy.computeIfAbsent(item, k -> new ArrayList<>()).add(l);
                    submitInOrder(a.get(), l);
                    progress = true;
                }
            }
        }
        assertEquals(10, judgedBy.size());
        for (long id : items) {
            List<String> by = judgedBy.get(id);
            assertEquals(id == overlapItem ? 3 : 1, by.size(), "labelers of item " + id + ": " + by);
            assertEquals(by.size(), new HashSet<>(by).size(), "nobody judges an item twice: " + by);
        }
    }

    @Test
    void partialWorkSurvivesAnExpiredLease() {
        rankingItem(4);
        db.activate("ann");
        long work = draw("ann").orElseThrow();
        db.tx(s -> {
            s.queue().saveDraft(work, "ann", "3>1>2>4");
            return null;
        });
        db.clock.advance(db.settings.lease().plusMinutes(5));
        long again = draw("ann").orElseThrow();
        assertEquals(work, again);
        assertEquals("3>1>2>4", db.tx(s -> s.queue().read(again, "ann", false).getDraft()));
    }

    @Test
    void aLabelerCannotTouchAnothersWork() {
        rankingItem(4);
        db.activate("ann", "bob");
        long work = draw("ann").orElseThrow();
        LabelingException e = assertThrows(LabelingException.class, () -> db.tx(s -> s.queue().read(work, "bob", false)));
        assertTrue(e.isForbidden());
        assertThrows(LabelingException.class, () -> submitInOrder(work, "bob"));
        assertThrows(LabelingException.class, () -> db.tx(s -> {
            s.queue().saveDraft(work, "bob", "x");
            return null;
        }));
    }

    @Test
    void rankingOfSixIsStoredWholeAndGivesFifteenPairs() {
        long item = rankingItem(6);
        db.activate("ann");
        long work = draw("ann").orElseThrow();
        List<Long> ids = db.tx(s -> s.items().find(item).outputIds());
        Map<Long, Integer> scores = new HashMap<>();
        ids.forEach(id -> scores.put(id, 5));
        // a bad score rolls the whole ranking back
        Map<Long, Integer> bad = new HashMap<>(scores);
        bad.put(ids.get(2), 8);
        RankOrder order = RankOrder.parse(ids.get(5) + ">" + ids.get(0) + ">" + ids.get(1) + ">" + ids.get(2) + ">" + ids.get(3) + ">" + ids.get(4));
        LabelingException e = assertThrows(LabelingException.class,
                () -> db.tx(s -> s.queue().submitRanking(work, "ann", new RankingInput(order, bad, Map.of()))));
        assertTrue(e.getMessage().contains("output 3 has score 8"), e.getMessage());
        assertEquals(0, (int) db.tx(s -> s.queue().read(work, "ann", false).getEntries().size()));

        db.tx(s -> s.queue().submitRanking(work, "ann", new RankingInput(order, scores,
                Map.of(ids.get(5), Set.of(MetadataFlag.HALLUCINATION)))));
        Map<Long, Integer> stored = db.tx(s -> LabelingQueue.ranksOf(s.queue().read(work, "ann", false)));
        assertEquals(6, stored.size());
        assertEquals(1, stored.get(ids.get(5)));
        assertEquals(15, RankOrder.fromRanks(stored).pairs().size());
        assertEquals(Set.of(MetadataFlag.HALLUCINATION), db.tx(s -> s.queue().read(work, "ann", false).getEntries().stream()
                .filter(en -> en.getOutput().getId().equals(ids.get(5))).findFirst().orElseThrow().getFlags()));
    }

    @Test
    void abVerdictIsStoredAboutTheStoredOrderNotTheShownOne() {
        db.activate("ann");
        long item = db.tx(s -> s.items().createComparison("Say hi", new ModelOutput("sft", "hi"),
                new ModelOutput("ppo", "hello"), "test").getId());
        long work = db.tx(s -> s.queue().next("ann", ItemKind.AB).orElseThrow().getId());
        boolean swapped = db.tx(s -> s.queue().read(work, "ann", false).isShownSwapped());
        // the labeler prefers what was shown on the left
        db.tx(s -> s.queue().submitVerdict(work, "ann", Verdict.FIRST));
        Verdict stored = db.tx(s -> s.queue().read(work, "ann", false).getVerdict());
        assertEquals(swapped ? Verdict.SECOND : Verdict.FIRST, stored);
        assertNotEquals(null, stored);
        assertEquals(ItemKind.AB, db.tx(s -> s.items().find(item).getKind()));
    }

    @Test
    void concurrentLabelersNeverShareANonOverlapItem() throws Exception {
        for (int i = 0; i < 30; i++) {
            rankingItem(4);
        }
        List<String> labelers = IntStream.range(0, 8).mapToObj(i -> "c" + i).toList();
        db.activate(labelers.toArray(String[]::new));
        Map<Long, Set<String>> holders = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(labelers.size());
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (String l : labelers) {
                done.add(pool.submit(() -> {
                    int n = 0;
                    while (true) {
                        Optional<Long> a = draw(l);
                        if (a.isEmpty()) {
                            return n;
                        }
                        long item = itemOf(a.get());
                        assertTrue(holders.computeIfAbsent(item, k -> ConcurrentHashMap.newKeySet()).add(l),
                                l + " drew item " + item + " twice");
                        submitInOrder(a.get(), l);
                        n++;
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            // 30 items, 3 of them overlap items with 3 slots: 27 + 9 submissions
            assertEquals(36, total);
            holders.forEach((item, by) -> {
                boolean overlap = db.tx(s -> s.items().find(item).isOverlap());
                assertEquals(overlap ? 3 : 1, by.size(), "item " + item + " went to " + by);
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void itemsWithTheWrongNumberOfOutputsAreRefused() {
        LabelingException e = assertThrows(LabelingException.class, () -> rankingItem(3));
        assertTrue(e.getMessage().contains("4 to 9 outputs, got 3"), e.getMessage());
        assertThrows(LabelingException.class, () -> rankingItem(10));
    }
}
