# Shared by ./custody, scripts/test and .ci/run: finds a JDK 25 and prepares the Maven wrapper.
# Source it; it exports JAVA_HOME and MVNW_REPOURL.

MAVEN_VERSION=3.9.11

find_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-* /usr/lib/jvm/jdk-25* /opt/java/openjdk /opt/jdk-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -q 'version "25'; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk25); then
  echo "Custody needs a JDK 25 and found none (looked at JAVA_HOME and /usr/lib/jvm)." >&2
  echo "Install one, for example Eclipse Temurin 25 (package temurin-25-jdk), or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# The wrapper pins the Maven version; its distribution is taken from the local repository,
# filled on first use by the machine's Maven from its built-in default repository.
maven_repository="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
maven_zip="$maven_repository/org/apache/maven/apache-maven/$MAVEN_VERSION/apache-maven-$MAVEN_VERSION-bin.zip"
if [ ! -f "$maven_zip" ]; then
  if ! command -v mvn >/dev/null; then
    echo "The first build needs Apache Maven (package maven) to fetch Maven $MAVEN_VERSION for the wrapper." >&2
    exit 1
  fi
  mvn -q -B dependency:get -Dartifact="org.apache.maven:apache-maven:$MAVEN_VERSION:zip:bin" -Dtransitive=false >&2 || {
    echo "Could not fetch Maven $MAVEN_VERSION for the wrapper." >&2
    exit 1
  }
fi
export MVNW_REPOURL="file://$maven_repository"
