package dk.sagsspor.query.projection;

import java.util.Collection;
import java.util.List;

/**
 * The projections one consumer feeds in one pass, and the schema their tables are in: all of them in the default
 * schema for the live consumer; one (or all) in a schema of its own for a rebuild, whose tables are swapped in when it
 * has caught up ({@link ProjectionRebuilds}).
 *
 * @param projections the projections, in the order each record is applied to them
 * @param schema the schema searched first for their tables, or null for the default one
 */
record Scope(List<Projection<?>> projections, String schema) {

    Scope {
        projections = List.copyOf(projections);
    }

    /** The live read models, in the default schema. */
    static Scope live(List<Projection<?>> projections) {
        return new Scope(projections, null);
    }

    /** The same projections but those named. */
    Scope without(Collection<String> names) {
        return new Scope(
                projections.stream().filter(p -> !names.contains(p.name())).toList(), schema);
    }

    List<String> names() {
        return projections.stream().map(Projection::name).toList();
    }
}
