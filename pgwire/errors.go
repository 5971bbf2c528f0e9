package pgwire

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgproto3"
)

// SQLSTATE codes used by the wire layer itself.
const (
	codeProtocolViolation     = "08P01"
	codeFeatureNotSupported   = "0A000"
	codeTooManyConnections    = "53300"
	codeProgramLimitExceeded  = "54000"
	codeQueryCanceled         = "57014"
	codeAdminShutdown         = "57P01"
	codeInternalError         = "XX000"
	codeInvalidPassword       = "28P01"
	codeInvalidAuthSpec       = "28000"
	codeDuplicatePStatement   = "42P05"
	codeDuplicateCursor       = "42P03"
	codeUndefinedPStatement   = "26000"
	codeUndefinedCursor       = "34000"
	codeInvalidTextRep        = "22P02"
	codeInvalidBinaryRep      = "22P03"
	codeNumericOutOfRange     = "22003"
	codeBadCopyFileFormat     = "22P04"
	codeDatetimeFieldOverflow = "22008"
	codeInvalidParameterValue = "22023"
	codeConnectionFailure     = "08006"
)

// Error is an SQLError with optional details, usable by engines and
// authenticators that want to report a specific SQLSTATE.
type Error struct {
	Sev        string // "ERROR" when empty
	Code       string
	Message    string
	DetailText string
	HintText   string
	Where      string // CONTEXT
}

func (e *Error) Error() string    { return e.Message }
func (e *Error) Context() string  { return e.Where }
func (e *Error) SQLState() string { return e.Code }
func (e *Error) Severity() string {
	if e.Sev == "" {
		return "ERROR"
	}
	return e.Sev
}
func (e *Error) Detail() string { return e.DetailText }
func (e *Error) Hint() string   { return e.HintText }

func newErr(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

func fatalErr(code, format string, args ...any) *Error {
	return &Error{Sev: "FATAL", Code: code, Message: fmt.Sprintf(format, args...)}
}

// errorResponse builds the ErrorResponse for err.
// SQLState is the SQLSTATE the client is sent for err (XX000 for an error
// that carries none).
func SQLState(err error) string {
	var se SQLError
	if errors.As(err, &se) && len(se.SQLState()) == 5 {
		return se.SQLState()
	}
	return codeInternalError
}

func errorResponse(err error) *pgproto3.ErrorResponse {
	er := &pgproto3.ErrorResponse{Severity: "ERROR", Code: codeInternalError, Message: err.Error()}
	var se SQLError
	if errors.As(err, &se) {
		er.Code = se.SQLState()
		er.Message = se.Error()
		if v, ok := se.(errSeverity); ok && v.Severity() != "" {
			er.Severity = v.Severity()
		}
		if v, ok := se.(errDetail); ok {
			er.Detail = v.Detail()
		}
		if v, ok := se.(errHint); ok {
			er.Hint = v.Hint()
		}
		if v, ok := se.(errPosition); ok && v.Position() > 0 {
			er.Position = int32(v.Position())
		}
		if v, ok := se.(errTable); ok {
			er.TableName = v.TableName()
			if er.TableName != "" {
				er.SchemaName = "public"
			}
		}
		if v, ok := se.(errConstraint); ok {
			er.ConstraintName = v.ConstraintName()
		}
		if v, ok := se.(errColumn); ok {
			er.ColumnName = v.ColumnName()
		}
		if v, ok := se.(errContext); ok {
			er.Where = v.Context()
		}
	} else if errors.Is(err, context.Canceled) {
		er.Code = codeQueryCanceled
		er.Message = "canceling statement due to user request"
	} else if errors.Is(err, context.DeadlineExceeded) {
		er.Code = codeQueryCanceled
		er.Message = "canceling statement due to statement timeout"
	}
	if er.Code == "" {
		er.Code = codeInternalError
	}
	if er.Message == "" {
		er.Message = "unknown error"
	}
	er.SeverityUnlocalized = er.Severity
	return er
}
