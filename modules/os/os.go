// Package os is Node's os module: facts about the machine, read from /proc
// and the Go standard library (no cgo).
package os

import (
	_ "embed"
	"encoding/binary"
	"net"
	goos "os"
	"runtime"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed os.js
var source string

// Module is Node's os module.
var Module = &jsbridge.Module{Name: "os", JS: source, Native: native}

// clockTicks is USER_HZ, the unit of the times in /proc/stat; it is 100 on
// every Linux architecture Go supports.
const clockTicks = 100

func native(e *jsbridge.Env, binding *goja.Object) {
	vm := e.VM
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		"getHostname": func(goja.FunctionCall) goja.Value {
			name, err := goos.Hostname()
			if err != nil {
				name = "localhost"
			}
			return vm.ToValue(name)
		},
		"getOSType": func(goja.FunctionCall) goja.Value {
			return vm.ToValue(osType())
		},
		"getOSRelease": func(goja.FunctionCall) goja.Value {
			return vm.ToValue(procLine("/proc/sys/kernel/osrelease"))
		},
		"getUptime": func(goja.FunctionCall) goja.Value {
			return vm.ToValue(uptime())
		},
		"getLoadAvg": func(goja.FunctionCall) goja.Value {
			l := loadavg()
			return vm.NewArray(l[0], l[1], l[2])
		},
		"getTotalMem": func(goja.FunctionCall) goja.Value {
			return vm.ToValue(meminfo("MemTotal"))
		},
		"getFreeMem": func(goja.FunctionCall) goja.Value {
			return vm.ToValue(meminfo("MemFree"))
		},
		"getCPUs": func(goja.FunctionCall) goja.Value {
			var list []any
			for _, c := range cpus() {
				times := vm.NewObject()
				times.Set("user", c.user)
				times.Set("nice", c.nice)
				times.Set("sys", c.sys)
				times.Set("idle", c.idle)
				times.Set("irq", c.irq)
				obj := vm.NewObject()
				obj.Set("model", c.model)
				obj.Set("speed", c.speed)
				obj.Set("times", times)
				list = append(list, obj)
			}
			return vm.NewArray(list...)
		},
		"getInterfaceAddresses": func(goja.FunctionCall) goja.Value {
			result := vm.NewObject()
			for _, iface := range interfaces() {
				var list []any
				for _, a := range iface.addrs {
					obj := vm.NewObject()
					obj.Set("address", a.address)
					obj.Set("family", a.family)
					obj.Set("internal", a.internal)
					list = append(list, obj)
				}
				result.Set(iface.name, vm.NewArray(list...))
			}
			return result
		},
		"getEndianness": func(goja.FunctionCall) goja.Value {
			if binary.NativeEndian.Uint16([]byte{1, 0}) == 1 {
				return vm.ToValue("LE")
			}
			return vm.ToValue("BE")
		},
	})
}

// procLine returns the first line of a /proc file, or "" if it cannot be
// read.
func procLine(path string) string {
	data, err := goos.ReadFile(path)
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(string(data), "\n")
	return strings.TrimSpace(line)
}

// osType is uname's system name: 'Linux' on Linux.
func osType() string {
	if t := procLine("/proc/sys/kernel/ostype"); t != "" {
		return t
	}
	switch runtime.GOOS {
	case "darwin":
		return "Darwin"
	case "windows":
		return "Windows_NT"
	}
	return strings.ToUpper(runtime.GOOS[:1]) + runtime.GOOS[1:]
}

// uptime is the system's uptime in seconds.
func uptime() float64 {
	fields := strings.Fields(procLine("/proc/uptime"))
	if len(fields) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(fields[0], 64)
	return v
}

// loadavg is the 1, 5 and 15 minute load averages.
func loadavg() [3]float64 {
	var l [3]float64
	fields := strings.Fields(procLine("/proc/loadavg"))
	for i := 0; i < 3 && i < len(fields); i++ {
		l[i], _ = strconv.ParseFloat(fields[i], 64)
	}
	return l
}

// meminfo returns a /proc/meminfo value in bytes. Free memory is MemFree,
// the unused pages Node 0.7 reported (today's Node reports MemAvailable).
func meminfo(key string) float64 {
	data, err := goos.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		name, rest, ok := strings.Cut(line, ":")
		if !ok || name != key {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			return 0
		}
		kb, _ := strconv.ParseFloat(fields[0], 64)
		return kb * 1024
	}
	return 0
}

type cpu struct {
	model                      string
	speed                      int
	user, nice, sys, idle, irq float64
}

// cpus describes each CPU: its model and speed in MHz from /proc/cpuinfo,
// and the milliseconds it spent in each mode from /proc/stat.
func cpus() []cpu {
	var list []cpu
	data, _ := goos.ReadFile("/proc/stat")
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 8 || len(fields[0]) <= 3 || !strings.HasPrefix(fields[0], "cpu") {
			continue
		}
		ms := func(i int) float64 {
			v, _ := strconv.ParseFloat(fields[i], 64)
			return v * 1000 / clockTicks
		}
		// cpuN user nice system idle iowait irq softirq ...
		list = append(list, cpu{model: "unknown", user: ms(1), nice: ms(2), sys: ms(3), idle: ms(4), irq: ms(6)})
	}
	data, _ = goos.ReadFile("/proc/cpuinfo")
	models, speeds := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		switch key {
		case "model name":
			if models < len(list) {
				list[models].model = value
			}
			models++
		case "cpu MHz":
			if speeds < len(list) {
				mhz, _ := strconv.ParseFloat(value, 64)
				list[speeds].speed = int(mhz)
			}
			speeds++
		}
	}
	return list
}

type ifaceAddr struct {
	address  string
	family   string
	internal bool
}

type iface struct {
	name  string
	addrs []ifaceAddr
}

// interfaces lists the addresses of the network interfaces that are up and
// running, IPv4 before IPv6, as libuv did.
func interfaces() []iface {
	list, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []iface
	for _, ni := range list {
		if ni.Flags&net.FlagUp == 0 || ni.Flags&net.FlagRunning == 0 {
			continue
		}
		addrs, err := ni.Addrs()
		if err != nil || len(addrs) == 0 {
			continue
		}
		var v4, v6 []ifaceAddr
		internal := ni.Flags&net.FlagLoopback != 0
		for _, a := range addrs {
			ipnet, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			if len(ipnet.Mask) == net.IPv4len {
				v4 = append(v4, ifaceAddr{ipnet.IP.String(), "IPv4", internal})
			} else {
				v6 = append(v6, ifaceAddr{ipnet.IP.String(), "IPv6", internal})
			}
		}
		if len(v4)+len(v6) > 0 {
			out = append(out, iface{ni.Name, append(v4, v6...)})
		}
	}
	return out
}
