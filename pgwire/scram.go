package pgwire

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgproto3"
)

// SCRAMAuth authenticates with SCRAM-SHA-256 (RFC 5802/7677, without
// channel binding), as PostgreSQL's scram-sha-256 method does.
//
// The server side of SCRAM needs only the verifier (salt, iteration count,
// StoredKey, ServerKey), never the password: a stolen verifier does not let
// its holder log in to another server, and a verifier is all raftsql ever
// stores or replicates.
type SCRAMAuth struct {
	// Verifier returns the stored SCRAM verifier of user; ok=false rejects
	// the user after a complete exchange with a mock salt, so a client
	// cannot tell an unknown user from a wrong password.
	Verifier func(user string) (v SCRAMVerifier, ok bool)
	// Password, used when Verifier is nil, returns the plain password of
	// user (tests and embedders that keep passwords; the verifier is
	// derived per attempt).
	Password func(user string) (password string, ok bool)
	// Iterations of PBKDF2 for verifiers derived from Password (default
	// 4096).
	Iterations int
}

const scramMechanism = "SCRAM-SHA-256"

// DefaultSCRAMIterations is PostgreSQL's scram_iterations default.
const DefaultSCRAMIterations = 4096

// SCRAMVerifier is a SCRAM-SHA-256 password verifier in PostgreSQL's
// shape: SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>.
type SCRAMVerifier struct {
	Iterations int
	Salt       []byte
	StoredKey  []byte
	ServerKey  []byte
}

// NewSCRAMVerifier derives the verifier of password with a fresh random
// salt read from rnd (nil: crypto/rand) and iters PBKDF2 iterations (<= 0:
// DefaultSCRAMIterations).
func NewSCRAMVerifier(password string, iters int, rnd func([]byte) (int, error)) (SCRAMVerifier, error) {
	if iters <= 0 {
		iters = DefaultSCRAMIterations
	}
	if rnd == nil {
		rnd = rand.Read
	}
	salt := make([]byte, 16)
	if _, err := rnd(salt); err != nil {
		return SCRAMVerifier{}, fmt.Errorf("pgwire: SCRAM salt: %w", err)
	}
	return deriveVerifier(password, salt, iters)
}

func deriveVerifier(password string, salt []byte, iters int) (SCRAMVerifier, error) {
	salted, err := pbkdf2.Key(sha256.New, SASLprep(password), salt, iters, sha256.Size)
	if err != nil {
		return SCRAMVerifier{}, fmt.Errorf("pgwire: SCRAM key derivation: %w", err)
	}
	stored := sha256.Sum256(scramHMAC(salted, "Client Key"))
	return SCRAMVerifier{Iterations: iters, Salt: salt, StoredKey: stored[:], ServerKey: scramHMAC(salted, "Server Key")}, nil
}

// String encodes v as PostgreSQL stores it in pg_authid.rolpassword.
func (v SCRAMVerifier) String() string {
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("%s$%d:%s$%s:%s", scramMechanism, v.Iterations, b64(v.Salt), b64(v.StoredKey), b64(v.ServerKey))
}

// ParseSCRAMVerifier decodes the String form.
func ParseSCRAMVerifier(s string) (SCRAMVerifier, error) {
	bad := fmt.Errorf("pgwire: malformed SCRAM verifier")
	rest, ok := strings.CutPrefix(s, scramMechanism+"$")
	if !ok {
		return SCRAMVerifier{}, bad
	}
	params, keys, ok := strings.Cut(rest, "$")
	if !ok {
		return SCRAMVerifier{}, bad
	}
	itersS, saltS, ok1 := strings.Cut(params, ":")
	storedS, serverS, ok2 := strings.Cut(keys, ":")
	if !ok1 || !ok2 {
		return SCRAMVerifier{}, bad
	}
	var v SCRAMVerifier
	if _, err := fmt.Sscanf(itersS, "%d", &v.Iterations); err != nil || v.Iterations <= 0 || v.Iterations > 1<<24 {
		return SCRAMVerifier{}, bad
	}
	var err error
	dec := base64.StdEncoding.DecodeString
	if v.Salt, err = dec(saltS); err != nil || len(v.Salt) == 0 {
		return SCRAMVerifier{}, bad
	}
	if v.StoredKey, err = dec(storedS); err != nil || len(v.StoredKey) != sha256.Size {
		return SCRAMVerifier{}, bad
	}
	if v.ServerKey, err = dec(serverS); err != nil || len(v.ServerKey) != sha256.Size {
		return SCRAMVerifier{}, bad
	}
	return v, nil
}

// mockSecret keys the mock salts of unknown users: stable for the process,
// so repeated attempts for one unknown user see the same salt, as they
// would for a real one (PostgreSQL's scram_mock_salt).
var mockSecret = sync.OnceValue(func() []byte {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return b
})

func mockVerifier(user string, iters int) SCRAMVerifier {
	salt := scramHMAC(mockSecret(), "salt:"+user)[:16]
	key := scramHMAC(mockSecret(), "key:"+user)
	return SCRAMVerifier{Iterations: iters, Salt: salt, StoredKey: key, ServerKey: key}
}

func authFailed(user string) error {
	return &Error{Sev: "FATAL", Code: codeInvalidPassword, Message: fmt.Sprintf("password authentication failed for user %q", user)}
}

// lookup returns user's verifier, or a mock one and false.
func (a SCRAMAuth) lookup(user string) (SCRAMVerifier, bool, error) {
	iters := a.Iterations
	if iters <= 0 {
		iters = DefaultSCRAMIterations
	}
	switch {
	case a.Verifier != nil:
		if v, ok := a.Verifier(user); ok {
			return v, true, nil
		}
	case a.Password != nil:
		if pw, ok := a.Password(user); ok {
			v, err := NewSCRAMVerifier(pw, iters, nil)
			return v, err == nil, err
		}
	}
	return mockVerifier(user, iters), false, nil
}

// Authenticate implements Authenticator.
func (a SCRAMAuth) Authenticate(ctx context.Context, info SessionInfo, ex AuthExchange) error {
	ver, known, err := a.lookup(info.User)
	if err != nil {
		return err
	}
	if err := ex.Send(&pgproto3.AuthenticationSASL{AuthMechanisms: []string{scramMechanism}}); err != nil {
		return err
	}
	msg, err := ex.Receive(pgproto3.AuthTypeSASL)
	if err != nil {
		return err
	}
	init, ok := msg.(*pgproto3.SASLInitialResponse)
	if !ok {
		return fatalErr(codeProtocolViolation, "expected SASL response, got %T", msg)
	}
	if init.AuthMechanism != scramMechanism {
		return fatalErr(codeProtocolViolation, "client selected an invalid SASL authentication mechanism")
	}
	clientFirst := string(init.Data)
	var gs2, bare string
	switch {
	case strings.HasPrefix(clientFirst, "n,"), strings.HasPrefix(clientFirst, "y,"):
		i := strings.Index(clientFirst[2:], ",")
		if i < 0 {
			return fatalErr(codeProtocolViolation, "malformed SCRAM message")
		}
		gs2, bare = clientFirst[:2+i+1], clientFirst[2+i+1:]
	default:
		return fatalErr(codeProtocolViolation, "channel binding is not supported")
	}
	attrs := scramAttrs(bare)
	cnonce := attrs["r"]
	if cnonce == "" {
		return fatalErr(codeProtocolViolation, "malformed SCRAM message: missing nonce")
	}
	snonce := make([]byte, 18)
	if _, err := rand.Read(snonce); err != nil {
		return err
	}
	nonce := cnonce + base64.StdEncoding.EncodeToString(snonce)
	serverFirst := fmt.Sprintf("r=%s,s=%s,i=%d", nonce, base64.StdEncoding.EncodeToString(ver.Salt), ver.Iterations)
	if err := ex.Send(&pgproto3.AuthenticationSASLContinue{Data: []byte(serverFirst)}); err != nil {
		return err
	}
	msg, err = ex.Receive(pgproto3.AuthTypeSASLContinue)
	if err != nil {
		return err
	}
	resp, ok := msg.(*pgproto3.SASLResponse)
	if !ok {
		return fatalErr(codeProtocolViolation, "expected SASL response, got %T", msg)
	}
	clientFinal := string(resp.Data)
	pi := strings.LastIndex(clientFinal, ",p=")
	if pi < 0 {
		return fatalErr(codeProtocolViolation, "malformed SCRAM message: missing proof")
	}
	withoutProof := clientFinal[:pi]
	fattrs := scramAttrs(withoutProof)
	if fattrs["c"] != base64.StdEncoding.EncodeToString([]byte(gs2)) || fattrs["r"] != nonce {
		return fatalErr(codeProtocolViolation, "SCRAM channel binding or nonce mismatch")
	}
	proof, err := base64.StdEncoding.DecodeString(clientFinal[pi+3:])
	if err != nil || len(proof) != sha256.Size {
		return fatalErr(codeProtocolViolation, "malformed SCRAM proof")
	}
	authMessage := bare + "," + serverFirst + "," + withoutProof
	clientSig := scramHMAC(ver.StoredKey, authMessage)
	recovered := make([]byte, len(proof))
	for i := range proof {
		recovered[i] = proof[i] ^ clientSig[i]
	}
	check := sha256.Sum256(recovered)
	if subtle.ConstantTimeCompare(check[:], ver.StoredKey) != 1 || !known {
		return authFailed(info.User)
	}
	serverSig := scramHMAC(ver.ServerKey, authMessage)
	return ex.Send(&pgproto3.AuthenticationSASLFinal{Data: []byte("v=" + base64.StdEncoding.EncodeToString(serverSig))})
}

func scramHMAC(key []byte, msg string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(msg))
	return h.Sum(nil)
}

func scramAttrs(s string) map[string]string {
	m := make(map[string]string)
	for _, part := range strings.Split(s, ",") {
		if len(part) >= 2 && part[1] == '=' {
			m[part[:1]] = part[2:]
		}
	}
	return m
}
