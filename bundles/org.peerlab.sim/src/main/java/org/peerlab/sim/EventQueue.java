package org.peerlab.sim;

/**
 * The future event list: an array-backed binary min-heap ordered by time, then by the order of
 * scheduling, so events due at the same instant fire first-in first-out (which keeps runs
 * deterministic). Cancelled entries stay in the heap and are skipped when they surface; the
 * heap is compacted when they make up more than half of it.
 */
final class EventQueue {

    /** One scheduled event; also the {@link Timer} handed to the caller. */
    static final class Entry implements Timer {
        final long time;
        final long order;
        Event event;
        int state; // 0 pending, 1 fired, 2 cancelled
        private final EventQueue owner;

        Entry(EventQueue owner, long time, long order, Event event) {
            this.owner = owner;
            this.time = time;
            this.order = order;
            this.event = event;
        }

        @Override
        public long time() {
            return time;
        }

        @Override
        public boolean pending() {
            return state == 0;
        }

        @Override
        public boolean cancel() {
            if (state != 0) {
                return false;
            }
            state = 2;
            event = null;
            owner.cancelled++;
            return true;
        }

        boolean before(Entry o) {
            return time < o.time || (time == o.time && order < o.order);
        }
    }

    private Entry[] heap = new Entry[64];
    private int size;
    private long order;
    int cancelled;

    Entry add(long time, Event event) {
        Entry e = new Entry(this, time, order++, event);
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!e.before(heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = e;
        return e;
    }

    /** @return the earliest pending entry without removing it, or {@code null} when none is left */
    Entry peek() {
        while (size > 0 && heap[0].state != 0) {
            removeFirst();
            cancelled--;
        }
        return size == 0 ? null : heap[0];
    }

    /** Removes the entry {@link #peek()} returned. */
    void removeFirst() {
        Entry last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0, last);
        }
        if (cancelled > 1024 && cancelled > size / 2) {
            compact();
        }
    }

    private void siftDown(int i, Entry e) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Entry c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].before(c)) {
                child = right;
                c = heap[child];
            }
            if (!c.before(e)) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = e;
    }

    private void compact() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (heap[i].state == 0) {
                heap[n++] = heap[i];
            }
        }
        java.util.Arrays.fill(heap, n, size, null);
        size = n;
        cancelled = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, heap[i]);
        }
    }

    /** @return pending entries (cancelled ones still in the heap excluded) */
    int pending() {
        return size - cancelled;
    }
}
