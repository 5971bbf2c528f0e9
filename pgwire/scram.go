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

	"github.com/jackc/pgx/v5/pgproto3"
)

// SCRAMAuth authenticates with SCRAM-SHA-256 (RFC 5802/7677, without
// channel binding), as PostgreSQL's scram-sha-256 method does.
type SCRAMAuth struct {
	// Password returns the password of user; ok=false rejects the user
	// (after a complete exchange, so unknown users are not revealed).
	Password func(user string) (password string, ok bool)
	// Iterations of PBKDF2 (default 4096).
	Iterations int
}

const scramMechanism = "SCRAM-SHA-256"

func authFailed(user string) error {
	return &Error{Sev: "FATAL", Code: codeInvalidPassword, Message: fmt.Sprintf("password authentication failed for user %q", user)}
}

// Authenticate implements Authenticator.
func (a SCRAMAuth) Authenticate(ctx context.Context, info SessionInfo, ex AuthExchange) error {
	iters := a.Iterations
	if iters <= 0 {
		iters = 4096
	}
	password, known := "", false
	if a.Password != nil {
		password, known = a.Password(info.User)
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
	salt := make([]byte, 16)
	snonce := make([]byte, 18)
	if _, err := rand.Read(salt); err != nil {
		return err
	}
	if _, err := rand.Read(snonce); err != nil {
		return err
	}
	nonce := cnonce + base64.StdEncoding.EncodeToString(snonce)
	serverFirst := fmt.Sprintf("r=%s,s=%s,i=%d", nonce, base64.StdEncoding.EncodeToString(salt), iters)
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
	salted, err := pbkdf2.Key(sha256.New, password, salt, iters, sha256.Size)
	if err != nil {
		return err
	}
	clientKey := scramHMAC(salted, "Client Key")
	storedKey := sha256.Sum256(clientKey)
	authMessage := bare + "," + serverFirst + "," + withoutProof
	clientSig := scramHMAC(storedKey[:], authMessage)
	recovered := make([]byte, len(proof))
	for i := range proof {
		recovered[i] = proof[i] ^ clientSig[i]
	}
	check := sha256.Sum256(recovered)
	if !known || subtle.ConstantTimeCompare(check[:], storedKey[:]) != 1 {
		return authFailed(info.User)
	}
	serverSig := scramHMAC(scramHMAC(salted, "Server Key"), authMessage)
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
