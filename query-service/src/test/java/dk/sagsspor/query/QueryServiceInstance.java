package dk.sagsspor.query;

import dk.sagsspor.testsupport.Http;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * A whole query service started by a test, on a random port, with the test's clock: for two instances side by side, or
 * one stopped and another started in its place. The settings are passed as command-line arguments, so they win over
 * every other source.
 */
public final class QueryServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private QueryServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static QueryServiceInstance start(Clock clock, Map<String, Object> settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QueryServiceApplication.class)
                .initializers(starting -> {
                    starting.getBeanFactory().registerSingleton("testClock", clock);
                    starting.getBeanFactory().registerSingleton("testClassesStayOut", new TestClassesStayOut());
                })
                .run(arguments.toArray(String[]::new));
        return new QueryServiceInstance(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Http http() {
        return Http.localhost(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Keeps the configurations nested in other tests (their clocks, say) out of a service the test started itself, as
     * Spring Boot's test support does for the contexts it starts.
     */
    static final class TestClassesStayOut extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
                    || reader.getClassMetadata().getClassName().matches(".*(IT|Test)(\\$.*)?");
        }
    }
}
