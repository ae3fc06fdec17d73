package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.badinput.StubChaport.Answer;
import io.chatload.engine.LoadSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource file's schema contract, maxTableNesting and maxColumns at work on a real run: an API that starts sending a
 * new field meets the contract the file set, in one line naming resource, table and field.
 */
class SchemaContractRunTest {
    private static final String OPERATORS = """
            - templatedRoute:
                routeTemplateRef: chatload-resource
                routeId: chaport.operators
                parameters:
                  - {name: path, value: /operators}
                  - {name: paginator, value: single}
            """;

    @TempDir
    Path dir;

    private BadInputBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new BadInputBed(dir);
        bed.api.overrides.put("/operators", q -> Answer.json("{\"result\":[{\"id\":\"op1\",\"name\":\"Ann\"}]}"));
        assertFalse(bed.run("chaport.operators").failed(), "the table exists before the contract is set");
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private LoadSummary runWith(String parameters, String operatorsBody) throws Exception {
        bed.withResource("operators.yaml", OPERATORS + parameters);
        bed.api.overrides.put("/operators", q -> Answer.json(operatorsBody));
        return bed.run("chaport.operators");
    }

    @Test
    void aFrozenResourceRefusesANewFieldInOneLineNamingResourceTableAndField() throws Exception {
        LoadSummary summary = runWith("      - {name: schemaContract, value: freeze}\n",
                "{\"result\":[{\"id\":\"op1\",\"name\":\"Ann\"},{\"id\":\"op2\",\"name\":\"Bob\",\"nickname\":\"B\"}]}");

        String error = BadInputBed.outcome(summary, "chaport.operators").error();
        assertTrue(error != null && error.startsWith("chaport.operators: ") && error.contains("table 'operators'")
                && error.contains("'nickname'") && error.contains("columns=freeze") && !error.contains("\n"), error);
        assertEquals(List.of("op1"), bed.column("SELECT id FROM chaport_data.operators"), "nothing of the batch written");
    }

    @Test
    void discardValueLoadsTheRecordWithoutTheNewFieldAndWarnsOnce() throws Exception {
        LoadSummary summary = runWith("      - {name: schemaContract, value: \"columns=discard_value\"}\n",
                "{\"result\":[{\"id\":\"op1\",\"name\":\"Ann\",\"nickname\":\"A\"},{\"id\":\"op2\",\"name\":\"Bob\",\"nickname\":\"B\"}]}");

        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        assertEquals(List.of("Ann", "Bob"), bed.column("SELECT name FROM chaport_data.operators ORDER BY id"));
        assertEquals(List.of(), bed.column("SELECT column_name FROM information_schema.columns "
                + "WHERE LOWER(table_name) = 'operators' AND LOWER(column_name) = 'nickname'"));
        assertEquals(List.of("chaport.operators: table chaport_data.operators: the schema contract left out 0 rows, 2 values "
                + "(first: columns=discard_value, column 'nickname')"), summary.warnings());
    }

    @Test
    void maxTableNestingZeroKeepsAListInOneJsonColumn() throws Exception {
        LoadSummary summary = runWith("      - {name: maxTableNesting, value: \"0\"}\n",
                "{\"result\":[{\"id\":\"op9\",\"name\":\"Cy\",\"skills\":[{\"lang\":\"en\"},{\"lang\":\"de\"}]}]}");

        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        assertEquals(List.of("[{\"lang\":\"en\"},{\"lang\":\"de\"}]"),
                bed.column("SELECT skills FROM chaport_data.operators WHERE id = 'op9'"));
        assertEquals(List.of(), bed.column("SELECT table_name FROM information_schema.tables "
                + "WHERE LOWER(table_name) LIKE 'operators\\_\\_%'"), "no child table");
    }

    @Test
    void aBadContractStopsTheStartInOneLine() throws Exception {
        bed.withResource("operators.yaml", OPERATORS + "      - {name: schemaContract, value: \"columns=frozen\"}\n");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> bed.run("chaport.operators"));
        String message = rootMessage(e);
        assertTrue(message.contains("resource chaport.operators: schemaContract: 'frozen' is not a schema evolution mode"),
                message);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
