package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {

    @Test
    void scalarsGetTheirTypes() {
        assertEquals(DataType.TEXT, TypeInference.infer("hello"));
        assertEquals(DataType.BIGINT, TypeInference.infer(42));
        assertEquals(DataType.BIGINT, TypeInference.infer(42L));
        assertEquals(DataType.BIGINT, TypeInference.infer(BigInteger.valueOf(Long.MAX_VALUE)));
        assertEquals(DataType.DECIMAL, TypeInference.infer(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)));
        assertEquals(DataType.TEXT, TypeInference.infer(BigInteger.TEN.pow(40)), "past 38 digits only text holds it");
        assertEquals(DataType.DOUBLE, TypeInference.infer(1.5));
        assertEquals(DataType.DOUBLE, TypeInference.infer(new BigDecimal("1.25")));
        assertEquals(DataType.BOOL, TypeInference.infer(true));
    }

    @Test
    void isoTimestampsAreRecognised() {
        assertEquals(OffsetDateTime.parse("2017-10-03T10:47:31.873Z"), TypeInference.timestamp("2017-10-03T10:47:31.873Z"));
        assertEquals(OffsetDateTime.parse("2017-10-03T10:47:31Z"), TypeInference.timestamp("2017-10-03T10:47:31Z"));
        assertEquals(OffsetDateTime.parse("2017-10-03T10:47:31+03:00"), TypeInference.timestamp("2017-10-03T10:47:31+03:00"));
        assertEquals(OffsetDateTime.parse("2017-10-03T10:47:31+03:00"), TypeInference.timestamp("2017-10-03T10:47:31+0300"));
        assertEquals(OffsetDateTime.parse("2017-10-03T10:47:31.5-05:30"), TypeInference.timestamp("2017-10-03T10:47:31.5-0530"));
        assertEquals(OffsetDateTime.parse("2017-10-03T10:47:31Z"), TypeInference.coerce("2017-10-03T10:47:31+0000", DataType.TIMESTAMP).orElseThrow());
        assertEquals("2017-10-03T10:47:31+0300", TypeInference.coerce("2017-10-03T10:47:31+0300", DataType.TEXT).orElseThrow());
        assertEquals(OffsetDateTime.parse("2017-10-03T10:47:31Z"), TypeInference.timestamp("2017-10-03T10:47:31"), "no offset = UTC");
        assertEquals(DataType.TIMESTAMP, TypeInference.infer("2017-10-03T10:47:31.873Z"));
        assertNull(TypeInference.timestamp("2017-13-03T10:47:31Z"), "month 13");
        assertNull(TypeInference.timestamp("2017-10-03"), "a date alone stays text");
        assertNull(TypeInference.timestamp("yesterday at noon"));
    }

    @Test
    void wideningIsNotAClash() {
        assertEquals(Optional.of(3.0), TypeInference.coerce(3L, DataType.DOUBLE));
        assertEquals(Optional.of(new BigDecimal("3")), TypeInference.coerce(3, DataType.DECIMAL));
        assertEquals(Optional.of("true"), TypeInference.coerce(true, DataType.TEXT));
        assertEquals(Optional.of("42"), TypeInference.coerce(42, DataType.TEXT));
        assertEquals(Optional.of("1.5"), TypeInference.coerce(1.5, DataType.TEXT));
        assertEquals(Optional.of("2017-10-03T10:47:31Z"), TypeInference.coerce("2017-10-03T10:47:31Z", DataType.TEXT));
        assertEquals(Optional.of(OffsetDateTime.parse("2017-10-03T10:47:31Z")),
                TypeInference.coerce("2017-10-03T10:47:31Z", DataType.TIMESTAMP));
    }

    @Test
    void mismatchesAreClashes() {
        assertTrue(TypeInference.coerce("soon", DataType.TIMESTAMP).isEmpty(), "non-ISO text into timestamp");
        assertTrue(TypeInference.coerce("42", DataType.BIGINT).isEmpty(), "text into bigint");
        assertTrue(TypeInference.coerce(1.5, DataType.BIGINT).isEmpty(), "double into bigint");
        assertTrue(TypeInference.coerce(1, DataType.BOOL).isEmpty(), "integer into bool");
        assertTrue(TypeInference.coerce(true, DataType.DOUBLE).isEmpty(), "bool into double");
    }
}
