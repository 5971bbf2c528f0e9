package raftsql

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// The birth of a new cluster: how a member of the initial cluster
// (incarnation 0, Raft id membership.MemberID(name), derived by every
// member from --initial-cluster) becomes a voter without ever being
// mistaken for an earlier self that lost its data directory.
//
// A member that lost its disk and restarts with the same --initial-cluster
// has the same Raft id, an empty log and no memory of its vote; if it
// voted or acknowledged appends as that id it could elect a leader that
// lacks committed entries. Nothing local tells it apart from a member
// starting for the first time, so the decision needs the peers, and every
// one of them: a majority is not enough, because a quorum that committed
// entries may meet the deciding quorum only in the member that forgot.
//
// The rule (docs/design.md, "Birth of a cluster"):
//   - A new initial member draws a random birth nonce and records it
//     (identity.json, unborn) before anything else. Until it is born its
//     Raft core neither ticks nor steps a message (driver.go): it never
//     campaigns, votes or acknowledges.
//   - The founder (the initial member with the smallest name) is born when
//     every other initial member has answered that it is unborn, with its
//     nonce: it records the roster (name -> nonce) and a join token.
//   - Any other member is born when a born member answers that the roster
//     holds its name with its current nonce (the founder heard from this
//     very incarnation while it was unborn, so it never acted before).
//   - A born member that does not find the asker's nonce in its roster
//     (or has no roster: a cluster created before births, or a member
//     that joined) says so, and the asker stops with the way back in.
//
// Why it is sound: a member acts only once born; a born member's roster
// names its own incarnation; a new incarnation draws a new nonce and so
// can be born only from a roster made after every initial member answered
// unborn. If any member was born, that member answers born (it is never
// silently skipped: the founder needs every answer), and every other
// member's answer waits until a born one is reachable. Every step is
// recorded (identity.json, replaced atomically) before the next, and a
// crash before a record redoes the step with the same nonce.

// birthQueryInterval is how often an unborn member asks its peers again.
const birthQueryInterval = 200 * time.Millisecond

// birthQuery is an unborn member's question to another initial member.
type birthQuery struct {
	Name  string `json:"name"`
	Nonce uint64 `json:"nonce"`
	Addr  string `json:"addr"`
}

// birthReply is the answer. An unborn member gives its own nonce; a born
// one says whether the asker is in its roster with the asker's nonce, and
// only then hands it the roster and the join token.
type birthReply struct {
	Name   string            `json:"name"`
	Nonce  uint64            `json:"nonce,omitempty"`
	Born   bool              `json:"born"`
	Known  bool              `json:"known,omitempty"`
	Roster map[string]uint64 `json:"roster,omitempty"`
	Token  string            `json:"token,omitempty"`
}

// birthState is this node's part in the birth (under mu): its identity as
// recorded, and the answers an unborn member collected.
type birthState struct {
	mu      sync.Mutex
	id      identity
	replies chan birthReply
	warned  map[string]uint64 // the nonce last warned about, per name
}

// isBorn reports whether the identity lets the node act as a voter: a
// member that joined (its incarnation protects it), a data directory from
// before births (no nonce), or a born initial member.
func (id identity) isBorn() bool {
	return id.Incarnation != 0 || id.Nonce == 0 || id.Born
}

// born reports whether this node may tick and step (driver.go).
func (n *Node) born() bool { return n.bornFlag.Load() }

// initBirth sets the birth state from the recorded identity (Start).
func (n *Node) initBirth(id identity) {
	n.birth.id = id
	n.birth.replies = make(chan birthReply, 64)
	n.birth.warned = map[string]uint64{}
	n.bornFlag.Store(id.isBorn())
}

// founder is the initial member that makes the roster.
func (n *Node) founder() string {
	names := make([]string, 0, len(n.cfg.InitialCluster))
	for _, m := range n.cfg.InitialCluster {
		names = append(names, m.Name)
	}
	sort.Strings(names)
	return names[0]
}

// runBirth asks the other initial members until this node is born or
// refused (a background goroutine of an unborn node).
func (n *Node) runBirth(ctx context.Context) {
	n.birth.mu.Lock()
	self := n.birth.id
	n.birth.mu.Unlock()
	isFounder := n.founder() == n.cfg.Name
	unborn := map[string]uint64{} // the founder's collection
	var lastWait time.Time
	began := time.Now()
	for {
		if isFounder && len(unborn) == len(n.cfg.InitialCluster)-1 {
			roster := map[string]uint64{n.cfg.Name: self.Nonce}
			for name, nonce := range unborn {
				roster[name] = nonce
			}
			token, err := n.drawToken()
			if err != nil {
				n.fail(err)
				return
			}
			n.becomeBorn(roster, token)
			return
		}
		q := mustJSON(birthQuery{Name: n.cfg.Name, Nonce: self.Nonce, Addr: n.tr.Addr().String()})
		var msgs []raft.Message
		for _, m := range n.cfg.InitialCluster {
			if m.Name != n.cfg.Name {
				msgs = append(msgs, joinMessage(n.id, membership.MemberID(m.Name), entryBirthQuery, q))
			}
		}
		n.tr.Send(msgs)
		if time.Since(lastWait) > 5*time.Second && time.Since(began) > 2*time.Second {
			lastWait = time.Now()
			var missing []string
			for _, m := range n.cfg.InitialCluster {
				if _, ok := unborn[m.Name]; !ok && m.Name != n.cfg.Name {
					missing = append(missing, m.Name)
				}
			}
			if isFounder {
				n.log.Info("new cluster: waiting for every initial member to start (a cluster forms once all have started)", "waiting_for", strings.Join(missing, ","))
			} else {
				n.log.Info("new cluster: waiting for a born member to confirm this member", "founder", n.founder())
			}
		}
		timer := time.NewTimer(birthQueryInterval)
	collect:
		for {
			select {
			case <-ctx.Done():
				timer.Stop()
				return
			case <-n.donec:
				timer.Stop()
				return
			case r := <-n.birth.replies:
				if _, ok := n.names[membership.MemberID(r.Name)]; !ok || r.Name == n.cfg.Name {
					n.log.Warn("birth: ignoring an answer from a node that is not another initial member", "name", r.Name)
					continue
				}
				switch {
				case r.Born && r.Known && r.Roster[n.cfg.Name] == self.Nonce:
					timer.Stop()
					n.becomeBorn(r.Roster, r.Token)
					return
				case r.Born:
					timer.Stop()
					n.fail(n.errReborn(r.Name))
					return
				case r.Nonce != 0:
					unborn[r.Name] = r.Nonce
				}
			case <-timer.C:
				break collect
			}
		}
	}
}

// becomeBorn records the roster and opens the gate.
func (n *Node) becomeBorn(roster map[string]uint64, token string) {
	n.birth.mu.Lock()
	id := n.birth.id
	id.Born, id.Roster, id.JoinToken = true, roster, token
	err := writeFileAtomic(filepath.Join(n.cfg.DataDir, identityFile), mustJSON(id))
	if err == nil {
		n.birth.id = id
	}
	n.birth.mu.Unlock()
	if err != nil {
		n.fail(fmt.Errorf("raftsql: record that this member is born: %w", err))
		return
	}
	n.log.Info("new cluster: this member is born and starts voting", "members", len(roster), "founder", n.founder())
	n.bornFlag.Store(true)
}

// errReborn is the refusal of an initial member that restarted empty
// after its cluster was born.
func (n *Node) errReborn(by string) error {
	return &NodeError{Code: "55000", Msg: fmt.Sprintf("raftsql: member %q started with an empty data directory (%s) but its cluster already exists (member %q says so): it has lost its log and its votes and must not come back as the voter it was. %s",
		n.cfg.Name, n.cfg.DataDir, by, wayBack(n.cfg.Name))}
}

// handleBirthQuery answers an initial member's question (transport
// goroutine).
func (n *Node) handleBirthQuery(from uint64, data []byte) {
	var q birthQuery
	if err := json.Unmarshal(data, &q); err != nil || q.Name == "" || q.Nonce == 0 || membership.MemberID(q.Name) != from {
		n.log.Warn("birth: ignoring a malformed question", "err", err)
		return
	}
	n.birth.mu.Lock()
	id := n.birth.id
	r := birthReply{Name: n.cfg.Name, Born: id.isBorn()}
	if !r.Born {
		r.Nonce = id.Nonce
	} else if nonce, ok := id.Roster[q.Name]; ok && subtle.ConstantTimeEq(int32(nonce>>32), int32(q.Nonce>>32))&subtle.ConstantTimeEq(int32(nonce), int32(q.Nonce)) == 1 {
		r.Known, r.Roster, r.Token = true, id.Roster, id.JoinToken
	} else if n.birth.warned[q.Name] != q.Nonce {
		n.birth.warned[q.Name] = q.Nonce
		n.log.Warn("birth: an initial member restarted with an empty data directory; it is refused (it must be removed and join again)", "member", q.Name, "addr", q.Addr)
	}
	n.birth.mu.Unlock()
	if _, initial := n.names[from]; !initial && q.Addr != "" {
		// A node that joined knows the initial members only from the
		// member table, which may lack one that never advertised itself.
		if m, ok := n.memberInfo(from); !ok || m.RaftAddr == "" {
			n.tr.AddPeer(from, q.Addr)
		}
	}
	n.tr.Send([]raft.Message{joinMessage(n.id, from, entryBirthReply, mustJSON(r))})
}

// handleBirthReply passes an answer to runBirth (transport goroutine).
func (n *Node) handleBirthReply(data []byte) {
	var r birthReply
	if err := json.Unmarshal(data, &r); err != nil {
		n.log.Warn("birth: ignoring a malformed answer", "err", err)
		return
	}
	if n.born() {
		return
	}
	select {
	case n.birth.replies <- r:
	default:
	}
}
