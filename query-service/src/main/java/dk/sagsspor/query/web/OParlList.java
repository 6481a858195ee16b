package dk.sagsspor.query.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list as OParl shapes it: {@code data}, {@code pagination} ({@code totalElements}, {@code elementsPerPage},
 * {@code currentPage}, {@code totalPages}) and {@code links} ({@code first}, {@code prev}, {@code next},
 * {@code last}). Pages count from 1.
 */
public record OParlList<T>(List<T> data, Pagination pagination, Map<String, String> links) {

    public record Pagination(long totalElements, int elementsPerPage, int currentPage, long totalPages) {}

    public static <T> OParlList<T> of(List<T> page, long total, PageRequest request, UriComponentsBuilder self) {
        return of(page, total, request, self, null);
    }

    /** A page of a list as a store reads it: its rows and how many the whole list has. */
    public record Page<T>(List<T> rows, long total) {

        /** The same page with each row turned into what the answer shows. */
        public <R> Page<R> map(java.util.function.Function<T, R> view) {
            return new Page<>(rows.stream().map(view).toList(), total);
        }
    }

    public static <T> OParlList<T> of(Page<T> page, PageRequest request, UriComponentsBuilder self) {
        return of(page.rows(), page.total(), request, self, null);
    }

    /**
     * The same, for a list that can be walked by keyset: {@code next} carries {@code after}, the position of this
     * page's last element, so the next page is read from there by index instead of counting past every earlier
     * element; the other links page by number.
     */
    public static <T> OParlList<T> of(
            List<T> page, long total, PageRequest request, UriComponentsBuilder self, String nextAfter) {
        long pages = Math.max(1, (total + request.size() - 1) / request.size());
        Map<String, String> links = new java.util.LinkedHashMap<>();
        links.put("first", link(self, 1, request.size(), null));
        if (request.page() > 1) {
            links.put("prev", link(self, request.page() - 1, request.size(), null));
        }
        if (request.page() < pages) {
            links.put("next", link(self, request.page() + 1, request.size(), nextAfter));
        }
        links.put("last", link(self, pages, request.size(), null));
        return new OParlList<>(page, new Pagination(total, request.size(), request.page(), pages), links);
    }

    private static String link(UriComponentsBuilder self, long page, int size, String after) {
        UriComponentsBuilder link = self.cloneBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("pageSize", size)
                .replaceQueryParam("after");
        if (after != null) {
            link.queryParam("after", after);
        }
        return link.build().toUriString();
    }

    /** Which page of a list a client asks for; 1 to 500 elements a page. */
    public record PageRequest(int page, int size) {

        /** The last page anyone may ask for: far beyond any list, and its offset fits easily. */
        public static final int MAX_PAGE = 1_000_000;

        public PageRequest {
            if (page < 1 || page > MAX_PAGE) {
                throw new BadQuery("page", "must be between 1 and 1,000,000");
            }
            if (size < 1 || size > 500) {
                throw new BadQuery("pageSize", "must be between 1 and 500");
            }
        }

        public long offset() {
            return (long) (page - 1) * size;
        }
    }
}
