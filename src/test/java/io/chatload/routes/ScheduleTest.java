package io.chatload.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void aCronBecomesAStatefulQuartzTrigger() {
        Schedule s = Schedule.parse("0 0/15 * * * ?");
        assertEquals("quartz://chatload/chaport.visitors?cron=0+0/15+*+*+*+?&stateful=true", s.quartzUri("chaport.visitors"));
    }

    @Test
    void anIntervalBecomesARepeatingTrigger() {
        assertEquals(90_000, Schedule.parse("90s").intervalMs());
        assertEquals(900_000, Schedule.parse("15m").intervalMs());
        assertEquals(3_600_000, Schedule.parse("1h").intervalMs());
        assertEquals("quartz://chatload/x?trigger.repeatInterval=900000&trigger.repeatCount=-1&stateful=true",
                Schedule.parse("15m").quartzUri("x"));
    }

    @Test
    void aBadScheduleSaysWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse("every 5 minutes"));
        assertTrue(e.getMessage().startsWith("schedule 'every 5 minutes' is neither a Quartz cron expression"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("0 0/15 * * *"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("0s"));
    }
}
