#!/usr/bin/env bash
# Hidden checks of the JUnit 4 -> JUnit 5 migration of ledger-core (run from the repo root, after CI passed).
#  1. No JUnit 4 API is left in the test sources (imports, fully qualified names, runners, rules).
#  2. pom.xml no longer depends on JUnit 4 (junit:junit) nor on the Vintage engine.
#  3. What the JUnit 4 tests asserted through annotation attributes and rules is still asserted:
#     expected exceptions (@Test(expected), ExpectedException, try/fail/catch), expected messages, the timeout.
#  4. The suite runs on Jupiter (HiddenJupiterLedgerTest, a Jupiter-only test, runs and passes) and every original
#     test is still there: surefire reports at least as many tests per class as the JUnit 4 suite had.
# Failures are printed as "[ERROR] hidden check: ..." lines (the maven summarizer keeps [ERROR] lines).
set -u
TEST_SRC=src/test/java/com/acme/ledger
failed=0
problem() { echo "[ERROR] hidden check: $1"; failed=1; }
detail() { while IFS= read -r line; do [ -n "$line" ] && echo "[ERROR]   $line"; done; }
occurrences() { grep -oE "$1" "$2" 2>/dev/null | wc -l; }

# --- 1. JUnit 4 API left in the test sources ------------------------------------------------------------------
junit4=$(grep -rnE 'org\.junit\.[A-Za-z]|junit\.framework\.' src/test --include='*.java' | grep -vE 'org\.junit\.(jupiter|platform)\.')
if [ -n "$junit4" ]; then
  problem "test sources still use the JUnit 4 API (org.junit.* outside org.junit.jupiter/platform):"
  echo "$junit4" | head -20 | detail
fi
runners=$(grep -rnE '@(RunWith|Rule|ClassRule|FixMethodOrder|Category)\b' src/test --include='*.java')
if [ -n "$runners" ]; then
  problem "JUnit 4 runners or rules are still used:"
  echo "$runners" | head -20 | detail
fi

# --- 2. Build: JUnit 4 and the Vintage engine are gone ----------------------------------------------------------
grep -qE '<artifactId>\s*junit\s*</artifactId>' pom.xml && problem "pom.xml still depends on junit:junit (JUnit 4)"
grep -q 'junit-vintage-engine' pom.xml && problem "pom.xml still declares the JUnit Vintage engine"

# --- 3. Expectations carried over ---------------------------------------------------------------------------------
# class:exceptions:messages -- from the JUnit 4 suite: tests expecting an exception (expected=, ExpectedException,
# try/fail/catch) and tests checking its message (expectMessage). Either API's form counts here; what is left on
# JUnit 4 is reported by check 1.
for spec in MoneyTest:6:2 JournalEntryTest:5:2 LedgerTest:6:2 CurrencyRatesFileTest:3:1 StatementFormatterTest:1:0; do
  IFS=: read -r cls exceptions messages <<<"$spec"
  file="$TEST_SRC/$cls.java"
  if [ ! -f "$file" ]; then problem "$file is missing"; continue; fi
  have=$(occurrences '\bassertThrows(Exactly)?[[:space:]]*\(|\bfail[[:space:]]*\(|\bexpected[[:space:]]*=[[:space:]]*[A-Z]|\.expect[[:space:]]*\(' "$file")
  [ "$have" -ge "$exceptions" ] || problem "$cls: $exceptions tests expected an exception in JUnit 4, but only $have assertThrows/fail( remain: an expected exception is no longer asserted"
  have=$(occurrences '\.getMessage[[:space:]]*\(|\.expectMessage[[:space:]]*\(' "$file")
  [ "$have" -ge "$messages" ] || problem "$cls: $messages tests checked the exception message in JUnit 4 (expectMessage), but only $have getMessage() checks remain"
done
if ! grep -qE '@Timeout\b|assertTimeout(Preemptively)?[[:space:]]*\(|\btimeout[[:space:]]*=[[:space:]]*[0-9]' "$TEST_SRC/StatementFormatterTest.java" 2>/dev/null \
   && ! grep -rqs 'junit.jupiter.execution.timeout' src/test/resources; then
  problem "StatementFormatterTest: the JUnit 4 test had timeout = 2000; the migrated test has no @Timeout/assertTimeout"
fi

if [ "$failed" -ne 0 ]; then
  echo "[ERROR] hidden check: migration incomplete (the test suite was not run)"
  exit 1
fi

# --- 4. Run the suite and count what ran -----------------------------------------------------------------------
rm -rf target/surefire-reports
mvn -o -q -B test
status=$?
echo  # mvn -q may end without a newline (colour reset codes); keep the findings below at the start of a line
if [ "$status" -ne 0 ]; then
  echo "[ERROR] hidden check: the test suite (with the Jupiter-only HiddenJupiterLedgerTest added) failed"
  exit 1
fi
# Tests reported for a class and its @Nested classes (skipped ones included: disabling is judged by scope rules).
reported() {
  cat target/surefire-reports/TEST-com.acme.ledger."$1".xml target/surefire-reports/TEST-com.acme.ledger."$1"\$*.xml 2>/dev/null \
    | grep -c '<testcase '
}
for spec in MoneyTest:13 JournalEntryTest:7 LedgerTest:12 CurrencyConverterTest:14 CurrencyRatesFileTest:7 \
            StatementFormatterTest:6; do
  IFS=: read -r cls expected <<<"$spec"
  have=$(reported "$cls")
  [ "$have" -ge "$expected" ] || problem "$cls: the JUnit 4 suite ran $expected tests, surefire reports $have after the migration (tests deleted, or not discovered by JUnit Jupiter)"
done
have=$(reported HiddenJupiterLedgerTest)
[ "$have" -ge 3 ] || problem "HiddenJupiterLedgerTest (JUnit Jupiter) should run 3 tests, surefire reports $have: Jupiter tests do not run in this build"
if [ "$failed" -ne 0 ]; then exit 1; fi
echo "hidden checks passed: no JUnit 4 left, expectations kept, every test runs on JUnit Jupiter"
