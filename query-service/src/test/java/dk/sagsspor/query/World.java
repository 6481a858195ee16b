package dk.sagsspor.query;

import dk.sagsspor.testsupport.RealInfrastructure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A world of its own for a query-service test: its own database, event topic (with as many partitions as asked) and
 * consumer groups, so that the only consumers of its groups are its own and every row in its tables comes from its
 * own events — however many other test contexts of the module are alive at the same time.
 */
public record World(String topic, String groupPrefix, Map<String, Object> properties) {

    public static World create(String database, int partitions) {
        String name = database + "-" + UUID.randomUUID();
        String topic = name + ".events";
        Map<String, Object> properties = new LinkedHashMap<>(RealInfrastructure.properties(database));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topic " + topic, e);
        }
        properties.put("sagsspor.projection.topic", topic);
        properties.put("sagsspor.projection.group-prefix", name + ".");
        return new World(topic, name + ".", Map.copyOf(properties));
    }

    public void register(DynamicPropertyRegistry registry) {
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }
}
