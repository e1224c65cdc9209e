#!/usr/bin/env bash
# JUnit 4 tests under Maven, offline: the pre-filled local Maven repository (~/.m2) has JUnit 4.13.2 and JUnit 5.10+,
# but neither Surefire's JUnit 4 provider nor the JUnit Vintage engine, and no registry is reachable to fetch them.
# Debian's junit5 package (upstream 5.9.2) ships the Vintage engine and the JUnit Platform 1.9.2 jars it runs on; this
# places them in the local repository under their Maven coordinates (the platform poms are already there, the jars
# are not), so a pom with junit-bom 5.9.2 + junit-vintage-engine 5.9.2 + junit 4.13.2 runs JUnit 4 tests with `mvn -o`.
# Used by the JUnit 4 -> 5 scenario (its scenario.yaml `requires:` says so when this has not run).
# Idempotent; never overwrites a file that is already there. Env: FLEETBENCH_M2_REPO (default ~/.m2/repository).
set -euo pipefail
REPO=${FLEETBENCH_M2_REPO:-$HOME/.m2/repository}
if [ ! -d "$REPO" ]; then echo "install-m2-junit-vintage: no local Maven repository at $REPO; skipped"; exit 0; fi
if [ ! -f /usr/share/java/junit-vintage-engine.jar ] || [ ! -f /usr/share/java/junit-platform-launcher.jar ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq --no-install-recommends junit5 junit4 >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends junit5 junit4 >/dev/null; }
  else
    echo "install-m2-junit-vintage: Debian's junit5 package is missing (fix: apt-get install junit5 junit4 as root)" >&2; exit 1
  fi
fi

place() { # group-path artifact version debian-jar
  local dir="$REPO/$1/$2/$3" jar="$2-$3.jar"
  mkdir -p "$dir"
  [ -f "$dir/$jar" ] || { cp -L "$4" "$dir/$jar.tmp.$$" && mv "$dir/$jar.tmp.$$" "$dir/$jar"; echo "install-m2-junit-vintage: $1/$2/$3/$jar"; }
}
place org/junit/platform junit-platform-commons 1.9.2 /usr/share/java/junit-platform-commons.jar
place org/junit/platform junit-platform-engine 1.9.2 /usr/share/java/junit-platform-engine.jar
place org/junit/platform junit-platform-launcher 1.9.2 /usr/share/java/junit-platform-launcher.jar
place org/junit/vintage junit-vintage-engine 5.9.2 /usr/share/java/junit-vintage-engine.jar

# Central's pom for these coordinates, reduced to what resolution needs (Debian's has Debian-only parent/versions).
for a in junit-platform-commons:org/junit/platform junit-platform-engine:org/junit/platform junit-platform-launcher:org/junit/platform; do
  name=${a%%:*}; group=${a#*:}
  [ -f "$REPO/$group/$name/1.9.2/$name-1.9.2.pom" ] || { echo "install-m2-junit-vintage: $group/$name/1.9.2 has no pom (expected from the pre-filled repository)" >&2; exit 1; }
done
POM="$REPO/org/junit/vintage/junit-vintage-engine/5.9.2/junit-vintage-engine-5.9.2.pom"
[ -f "$POM" ] || cat > "$POM" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.junit.vintage</groupId>
  <artifactId>junit-vintage-engine</artifactId>
  <version>5.9.2</version>
  <name>JUnit Vintage Engine</name>
  <dependencies>
    <dependency><groupId>org.junit.platform</groupId><artifactId>junit-platform-engine</artifactId><version>1.9.2</version><scope>compile</scope></dependency>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version><scope>compile</scope></dependency>
    <dependency><groupId>org.apiguardian</groupId><artifactId>apiguardian-api</artifactId><version>1.1.2</version><scope>compile</scope></dependency>
  </dependencies>
</project>
XML
echo "install-m2-junit-vintage: JUnit Vintage 5.9.2 on Platform 1.9.2 available offline in $REPO"
