package katagym.web.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a page showed, kept until its stamp changes: a stamp is what the page depends on (a member's
 * store version, a group's members' versions, the day). At most {@code capacity} pages, least recently
 * used first out.
 */
public final class PageCache {
    private record Entry(Object stamp, Object value) {}

    private final Map<String, Entry> entries;

    public PageCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) { return size() > capacity; }
        };
    }

    /** The value cached under {@code key} for {@code stamp}, else {@code compute}'s (two requests may both compute it). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Object stamp, Supplier<T> compute) {
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e != null && e.stamp().equals(stamp)) return (T) e.value();
        }
        T value = compute.get();
        synchronized (entries) {
            entries.put(key, new Entry(stamp, value));
        }
        return value;
    }

    /** A file's part of a stamp: when it last changed and its size ("none" when absent). */
    public static String modified(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file) : "none";
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
