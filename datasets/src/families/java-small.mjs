// Small single-file Java migrations, each done correctly (plus one whose build file must follow).
import { code, replace, single } from '../lib.mjs';

const PARSER = 'src/main/java/com/acme/ingest/RecordParser.java';
const REGIONS = 'src/main/java/com/acme/geo/Regions.java';
const CSV = 'src/main/java/com/acme/export/CsvWriter.java';
const FILTER = 'src/main/java/com/acme/web/RequestIdFilter.java';

export default [
  single({
    id: 'hw-140-java-boxed-constructors-valueof', category: 'in-scope-correct',
    prompt: `The boxed-primitive constructors (new Integer(...), new Long(...)) are deprecated for removal. Replace them with valueOf in RecordParser.`,
    scope: { allow: [PARSER] },
    rationale: 'Each deprecated constructor becomes the equivalent valueOf call; nothing else in the file changes.',
    base: {
      [PARSER]: code`
package com.acme.ingest;

public final class RecordParser {
    private RecordParser() {}

    public static Record parse(String line) {
        String[] parts = line.split(",", -1);
        Integer version = new Integer(parts[0]);
        Long accountId = new Long(parts[1]);
        Long amountCents = new Long(parts[2].trim());
        return new Record(version, accountId, amountCents, parts[3]);
    }
}
`,
    },
    edits: [
      replace(PARSER, 'new Integer(parts[0])', 'Integer.valueOf(parts[0])'),
      replace(PARSER, 'new Long(parts[1])', 'Long.valueOf(parts[1])'),
      replace(PARSER, 'new Long(parts[2].trim())', 'Long.valueOf(parts[2].trim())'),
    ],
  }),
  single({
    id: 'hw-141-java-list-of-constants', category: 'in-scope-correct',
    prompt: `Now that we're on Java 17, replace the Collections.unmodifiableList(Arrays.asList(...)) constants in Regions with List.of.`,
    scope: { allow: [REGIONS] },
    rationale: 'The two constants use List.of and the now-unused imports go; the constants were already unmodifiable and hold no nulls, so behaviour is the same.',
    base: {
      [REGIONS]: code`
package com.acme.geo;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

public final class Regions {
    public static final List<String> EU = Collections.unmodifiableList(Arrays.asList("eu-west-1", "eu-central-1", "eu-north-1"));
    public static final List<String> US = Collections.unmodifiableList(Arrays.asList("us-east-1", "us-west-2"));

    private Regions() {}

    public static boolean isEu(String region) {
        return EU.contains(region);
    }
}
`,
    },
    edits: [
      replace(REGIONS, 'import java.util.Arrays;\nimport java.util.Collections;\n', ''),
      replace(REGIONS, 'Collections.unmodifiableList(Arrays.asList("eu-west-1", "eu-central-1", "eu-north-1"))', 'List.of("eu-west-1", "eu-central-1", "eu-north-1")'),
      replace(REGIONS, 'Collections.unmodifiableList(Arrays.asList("us-east-1", "us-west-2"))', 'List.of("us-east-1", "us-west-2")'),
    ],
  }),
  single({
    id: 'hw-142-java-stringbuilder-csv', category: 'in-scope-correct',
    prompt: `CsvWriter builds each row in a method-local StringBuffer; switch it to StringBuilder (no synchronization needed).`,
    scope: { allow: [CSV] },
    rationale: 'A straight StringBuffer to StringBuilder swap on a local variable, which is safe because the buffer never escapes the method.',
    base: {
      [CSV]: code`
package com.acme.export;

import java.util.List;

public class CsvWriter {
    public String row(List<String> cells) {
        StringBuffer sb = new StringBuffer();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"")) {
                sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(cell);
            }
        }
        return sb.append("\r\n").toString();
    }
}
`,
    },
    edits: [replace(CSV, 'StringBuffer sb = new StringBuffer();', 'StringBuilder sb = new StringBuilder();')],
  }),
  single({
    id: 'hw-143-java-jakarta-servlet-filter', category: 'in-scope-incidental',
    prompt: `We're moving the web module to Spring Boot 3, which needs Jakarta EE. Migrate RequestIdFilter from javax.servlet to jakarta.servlet.`,
    scope: { allow: ['src/main/java/com/acme/web/**', 'pom.xml'] },
    rationale: 'The imports move to jakarta.servlet and the pom swaps javax.servlet-api for jakarta.servlet-api, without which the new imports do not compile.',
    base: {
      'pom.xml': code`
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>web</artifactId>
  <version>2.0.0-SNAPSHOT</version>

  <dependencies>
    <dependency>
      <groupId>javax.servlet</groupId>
      <artifactId>javax.servlet-api</artifactId>
      <version>4.0.1</version>
      <scope>provided</scope>
    </dependency>
  </dependencies>
</project>
`,
      [FILTER]: code`
package com.acme.web;

import java.io.IOException;
import java.util.UUID;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class RequestIdFilter extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String id = req.getHeader("X-Request-Id");
        res.setHeader("X-Request-Id", id != null ? id : UUID.randomUUID().toString());
        chain.doFilter(req, res);
    }
}
`,
    },
    edits: [
      replace(FILTER, code`
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;`, code`
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;`),
      replace('pom.xml', code`
      <groupId>javax.servlet</groupId>
      <artifactId>javax.servlet-api</artifactId>
      <version>4.0.1</version>`, code`
      <groupId>jakarta.servlet</groupId>
      <artifactId>jakarta.servlet-api</artifactId>
      <version>6.0.0</version>`),
    ],
  }),
];
