package dk.sagsspor.command.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where what a command created can be read: the query service, whose public address this service is given
 * ({@code sagsspor.links.query-service}, e.g. {@code https://sagsspor.example.dk/query}); the command service itself
 * answers no reads. {@code Location} headers are absolute URLs into it; without the address they are paths, to be
 * resolved against the query service.
 */
@ConfigurationProperties("sagsspor.links")
public record QueryLinks(URI queryService) {

    /** The URL of a path of the query service, e.g. {@code /api/follow-ups/{id}}. */
    public URI to(String path) {
        if (queryService == null) {
            return URI.create(path);
        }
        String base = queryService.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
