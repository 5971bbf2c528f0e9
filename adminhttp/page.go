package adminhttp

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/http"
	"time"
)

// The status page is rendered on the server from the same Status as
// /status.json, with no script and no external asset: a meta refresh
// reloads it every refreshSeconds, so it works in any browser, behind any
// proxy, and in a text browser.

//go:embed status.html
var pageSource string

const refreshSeconds = 2

var pageTemplate = template.Must(template.New("status").Funcs(template.FuncMap{
	"ts": func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.UTC().Format("15:04:05.000")
	},
	"ago": func(now time.Time, t *time.Time) string {
		if t == nil {
			return ""
		}
		return now.Sub(*t).Round(time.Millisecond).String() + " ago"
	},
}).Parse(pageSource))

type pageData struct {
	Status
	Refresh int
	Err     string
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	st, err := s.status(r)
	d := pageData{Status: st, Refresh: refreshSeconds}
	code := http.StatusOK
	if err != nil {
		d.Err = err.Error()
		code = http.StatusServiceUnavailable
	}
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, d); err != nil {
		http.Error(w, "render the status page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(b.Bytes())
}
