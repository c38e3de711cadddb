package nl.uitkijk.rest.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;

/** JSON for the REST API: strict on input (unknown fields are errors), ISO-8601 times on output. */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class })
@JaxrsExtension
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
public class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(mapper());
    }

    /**
     * Reads a request body. A body that is no text in the encoding Jackson detects (found by fuzzing: invalid
     * UTF-32 failed with a CharConversionException, a 500) is a 400 like any other malformed JSON.
     */
    @Override
    public Object readFrom(Class<Object> type, java.lang.reflect.Type genericType,
            java.lang.annotation.Annotation[] annotations, MediaType mediaType,
            javax.ws.rs.core.MultivaluedMap<String, String> headers, java.io.InputStream entity)
            throws java.io.IOException {
        try {
            return super.readFrom(type, genericType, annotations, mediaType, headers, entity);
        } catch (java.io.CharConversionException e) {
            // as malformed JSON: the JSON exception mapper answers 400
            throw new com.fasterxml.jackson.core.JsonParseException(null, "not text in a JSON encoding: "
                    + e.getMessage());
        }
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
