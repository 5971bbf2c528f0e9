package pgwire

import (
	"bytes"
	"context"
	"net/url"
	"testing"

	"github.com/jackc/pgx/v5"
)

// The verifiers PostgreSQL 15.18 stored for CREATE ROLE ... PASSWORD with
// these passwords (SELECT rolpassword FROM pg_authid): deriving ours with
// the same salt and iterations must give the same keys, so a password
// works the same against raftsql and PostgreSQL.
func TestSASLprepMatchesPostgres(t *testing.T) {
	for _, c := range []struct{ password, pg string }{
		{"IX", "SCRAM-SHA-256$4096:abtZ97yHXgMvSuvHlzEU8A==$Eps6zCMtrqldgOtW1T7/809qaaGyAO3GgHAXjHZNUUE=:KpdKh6t9RB7rtLhy2rKoS5Xsep+eT7skOJHDjm3YMOo="},
		{"\u2168", "SCRAM-SHA-256$4096:9WirjYjAzDuIyQDWxht3eg==$cI8m8ScAkki8Nv58jnALygUeNphzmqp5JS4Czs/dcFM=:EShmzM5rBVnXcmWHZwBMzCswEdCmaojMQKa95l/lSSg="},            // NFKC: IX
		{"I\u00adX", "SCRAM-SHA-256$4096:zH8LWWPtD6TJ5rwz1WlTTQ==$GtLNGCUeN9Mh2maxfv6NPlzstSNvai4D5ZpM5bNWpmw=:cHg6Z8DLlz9K9lkJ42+NeQzlpBcz+ZP/3L/pJbu7whg="},          // soft hyphen: mapped to nothing
		{"a\u00a0b", "SCRAM-SHA-256$4096:aa57glcBi8DvlJMk+UrdMA==$M5E1mX5VVQeJwnyrr2AccG7YV6fxJ+Xz8J4YjgehHsI=:J8JnUGHBvOZZkcKnf//uBrq549EBygn7frDXvSlNeqs="},          // no-break space: space
		{"\u0627\u0031", "SCRAM-SHA-256$4096:FzgV0nMPP3ET/W2Kut6arw==$B3/eYN++V8xC20byG0Q7esP+mj7LsWtegJnY/i4T3+Y=:WpUv+eTZoWI6AJxs9tVEHdVcZWr5lqYwAARu84cgQX8="},      // bidi violation: raw
		{"\U0001F642x\ufb01", "SCRAM-SHA-256$4096:YNwWRmhocC0RINTNSbi3JQ==$C8gJjBUmH2yzfIr1vuABjxcmSQfpYtS0ijg6Qsdc5co=:CiQaNjL44vN24VkQwRBXSFsLwXYqhK4bCxnEPNS5hQQ="}, // unassigned in 3.2: raw
		{"\ufb01", "SCRAM-SHA-256$4096:SY2+0oid/cXjWCCu5i31EA==$KC5YAVwUdmiqyxGwn8OLoyCMWKoNoP3SYEm6FvOQp0Y=:rzYcjuItEpgEwFCSTnVTtuTkXCwNiq+p+ZOh0oUpPXw="},            // ligature: fi
		{"\u0007bell", "SCRAM-SHA-256$4096:nNVGvpSKhxDsJvkQBiA7Ww==$Qfyd0ykfJQ83yRQ4kHIEno14V5+sJUTJWoXvhkl0cSM=:hrouAjtEl7d56dMqcT7DIQ1/ChJg1rr4bLf7LdaBqhw="},        // ASCII: as is
		{"\u00e9\u0007", "SCRAM-SHA-256$4096:uVyimpAnw3zWb2LVQuanZw==$xA10TpthNGrMm5R/VXl1Fs6ryzrAptcdlKEz5VIrm78=:PllWmZH2mUufPYW9hH8ym+T+hcsl6JVDCzaCheYAjM8="},      // control: raw
		{"a\u200bb", "SCRAM-SHA-256$4096:h10j0O2KvF3ZDNS9DXC/Fg==$LqU7uXVQ1qMTfc6kpdBNHx6Y6iFlq87ayAMy962TQ/w=:KGoPV3tyYi6VRDnTZgsHp0nMhA43IckfVng3lgcKK3Y="},
		{"\u0627\u0628", "SCRAM-SHA-256$4096:zsI3h7P32dBLRS8mY+KYEA==$8+CEyKuEX5eIAqNMq6OgPLSQ7Tr0b+GKhCFUor/e/q0=:LAw7FahlJtc1vkBJapcf3jJkFG0jrUjYe8kl2EXLFsQ="},
		{"\u00c5ngstr\u00f6m", "SCRAM-SHA-256$4096:gVBHIJj7wbAyFvtHInDN6g==$tLdObtAx2AcEV8PfEbhppR4fBeWDN2WM2Rq6f141JKE=:uaRBCrfuVui8RLPypM4vlEXICxbeDmYXe0PK66+5Eqg="},
		{"A\u030angstro\u0308m", "SCRAM-SHA-256$4096:7j+aRPd+U7k5mxiqSrT/+w==$YDMDt1IEUwiKHb+LwgVkiR8je9i5oKGcYeYNANMldHU=:DaFqbmMFcaQiLtj/WGhwNlNVKU7guSBH0YjdgdxjafE="},
	} {
		pg, err := ParseSCRAMVerifier(c.pg)
		if err != nil {
			t.Fatal(err)
		}
		ours, err := deriveVerifier(c.password, pg.Salt, pg.Iterations)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(ours.StoredKey, pg.StoredKey) || !bytes.Equal(ours.ServerKey, pg.ServerKey) {
			t.Errorf("password %+q: verifier differs from PostgreSQL's", c.password)
		}
	}
	// Not UTF-8: the raw bytes, as PostgreSQL.
	if got := SASLprep("\xff\xfe"); got != "\xff\xfe" {
		t.Errorf("invalid UTF-8: %q", got)
	}
}

// A role whose password is typed in another normal form logs in: the
// verifier holds the prepared password and pgx prepares its side (pgx
// uses PRECIS, which normalises to NFC, not NFKC: so the variants here
// differ only in composition and spaces).
func TestSASLprepLogin(t *testing.T) {
	v, err := NewSCRAMVerifier("IX caf\u00e9", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, Config{Auth: SCRAMAuth{Verifier: func(u string) (SCRAMVerifier, bool) { return v, true }}})
	ctx := tctx(t)
	for _, pw := range []string{"IX cafe\u0301", "IX\u00a0caf\u00e9"} {
		u := url.URL{Scheme: "postgres", User: url.UserPassword("u", pw), Host: ts.addr, Path: "/db", RawQuery: "sslmode=disable"}
		c, err := pgx.Connect(ctx, u.String())
		if err != nil {
			t.Fatalf("password %+q: %v", pw, err)
		}
		c.Close(context.Background())
	}
}
