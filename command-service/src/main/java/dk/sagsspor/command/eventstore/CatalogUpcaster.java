package dk.sagsspor.command.eventstore;

import dk.sagsspor.events.EventCatalog;
import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.Upcasters;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings events stored in an older version up to the current one when Axon reads them (aggregates, processors, the
 * relay), with the upcasters of the {@code events} module. Events stored before versions were recorded have no
 * revision and count as version 1.
 */
@Component
class CatalogUpcaster extends SingleEventUpcaster {

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};
    private static final Map<String, Class<? extends SagssporEvent>> BY_CLASS_NAME =
            EventCatalog.all().values().stream().collect(Collectors.toUnmodifiableMap(Class::getName, c -> c));

    private final JsonMapper json;

    CatalogUpcaster(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        Class<? extends SagssporEvent> eventClass =
                BY_CLASS_NAME.get(representation.getType().getName());
        return eventClass != null && storedVersion(representation) < EventCatalog.versionOf(eventClass);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Class<? extends SagssporEvent> eventClass =
                BY_CLASS_NAME.get(representation.getType().getName());
        int from = storedVersion(representation);
        return representation.upcastPayload(
                new SimpleSerializedType(eventClass.getName(), Integer.toString(EventCatalog.versionOf(eventClass))),
                byte[].class,
                payload -> json.writeValueAsBytes(
                        Upcasters.toCurrent(eventClass.getSimpleName(), from, json.readValue(payload, TREE))));
    }

    private static int storedVersion(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return revision == null ? 1 : Integer.parseInt(revision);
    }
}
