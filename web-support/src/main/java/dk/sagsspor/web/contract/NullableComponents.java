package dk.sagsspor.web.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A record component marked {@link Nullable} may be {@code null} in an answer, and its property in the OpenAPI
 * document says so: {@code "type": ["string", "null"]}, or for a referenced object {@code anyOf} it and {@code null}.
 * Every other property of a record is never null. The Java type is the one source: a client generated from the
 * document and the code that writes the answer agree because they read the same annotation.
 */
public final class NullableComponents implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (!raw.isRecord()) {
            return schema;
        }
        Schema<?> model =
                schema.get$ref() == null ? schema : context.getDefinedModels().get(simpleName(schema.get$ref()));
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                String name = propertyName(raw, component);
                Schema<?> property = model.getProperties().get(name);
                if (property != null) {
                    model.getProperties().put(name, orNull(property));
                }
            }
        }
        return schema;
    }

    /** The schema that also takes {@code null}. */
    static Schema<?> orNull(Schema<?> property) {
        if (property.get$ref() != null) {
            Schema<?> ref = new JsonSchema().$ref(property.get$ref());
            return new JsonSchema()
                    .anyOf(List.of(ref, new JsonSchema().types(Set.of("null"))))
                    .description(property.getDescription());
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }

    private static String propertyName(Class<?> record, RecordComponent component) {
        try {
            // Jackson's @JsonProperty does not target record components: it lands on the field
            JsonProperty renamed = record.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
            return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
        } catch (NoSuchFieldException e) {
            return component.getName();
        }
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
