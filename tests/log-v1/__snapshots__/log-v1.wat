(module
  (type (;0;) (func (result i32)))
  (type (;1;) (func (param i32 i32) (result i32)))
  (type (;2;) (func (result i64)))
  (type (;3;) (func (param i32) (result i32)))
  (type (;4;) (func))
  (type (;5;) (func (param i64 i64 i64 i64 i32 i32 i32 i32) (result i32)))
  (type (;6;) (func (param i64 i32 i32 i32) (result i32)))
  (type (;7;) (func (param i64 i64 i32 i32 i32 i32 i32 i32) (result i32)))
  (type (;8;) (func (param i32 i64 i64 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (type (;9;) (func (param i64 i64) (result i32)))
  (type (;10;) (func (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func $services/lib/log-v1/logCheckScope (type 1) (param i32 i32) (result i32)
    (local i32 i32 i32 i32)
    local.get 1
    i32.const 64
    i32.gt_s
    if  ;; label = @1
      i32.const 4
      return
    end
    local.get 1
    i32.const 0
    i32.le_s
    if  ;; label = @1
      i32.const 5
      return
    end
    loop  ;; label = @1
      local.get 1
      local.get 3
      i32.gt_s
      if  ;; label = @2
        local.get 0
        local.get 3
        i32.add
        i32.load8_u
        local.tee 2
        i32.const 47
        i32.eq
        local.get 2
        i32.const 95
        i32.eq
        local.set 5
        local.get 2
        i32.const 122
        i32.le_u
        local.get 2
        i32.const 97
        i32.ge_u
        i32.and
        if (result i32)  ;; label = @3
          i32.const 1
        else
          local.get 2
          i32.const 57
          i32.le_u
          local.get 2
          i32.const 48
          i32.ge_u
          i32.and
        end
        local.get 5
        i32.or
        local.get 2
        i32.const 46
        i32.eq
        i32.or
        local.get 2
        i32.const 45
        i32.eq
        i32.or
        local.get 2
        i32.const 58
        i32.eq
        i32.or
        i32.or
        i32.eqz
        if  ;; label = @3
          i32.const 5
          return
        end
        local.get 3
        i32.const 1
        i32.add
        local.set 3
        br 1 (;@1;)
      end
    end
    i32.const 0)
  (func $services/lib/log-v1/logDecodeRecord (type 1) (param i32 i32) (result i32)
    (local i32 i32 i32 i32)
    block  ;; label = @1
      local.get 1
      i32.const 28
      i32.lt_s
      br_if 0 (;@1;)
      local.get 1
      local.get 0
      i32.load16_u offset=26
      local.tee 1
      local.get 0
      i32.load16_u offset=24
      local.tee 5
      local.get 0
      i32.load16_u offset=22
      local.tee 3
      i32.const 28
      i32.add
      i32.add
      i32.add
      local.tee 2
      i32.lt_s
      br_if 0 (;@1;)
      local.get 3
      i32.eqz
      local.get 3
      i32.const 64
      i32.gt_u
      i32.or
      br_if 0 (;@1;)
      local.get 5
      i32.const 256
      i32.gt_u
      br_if 0 (;@1;)
      local.get 1
      i32.const 512
      i32.gt_u
      br_if 0 (;@1;)
      i32.const 5
      i32.const 0
      local.get 0
      i32.load8_u offset=20
      local.tee 4
      i32.eqz
      local.get 4
      i32.const 5
      i32.gt_u
      i32.or
      select
      br_if 0 (;@1;)
      i32.const 1096
      local.get 0
      i64.load
      i64.store
      i32.const 1104
      local.get 0
      i64.load offset=8
      i64.store
      i32.const 1112
      local.get 0
      i32.load offset=16
      i32.store
      i32.const 1116
      local.get 4
      i32.store8
      i32.const 1120
      local.get 0
      i32.const 28
      i32.add
      i32.store
      i32.const 1124
      local.get 3
      i32.store
      i32.const 1128
      local.get 3
      i32.const 1120
      i32.load
      i32.add
      i32.store
      i32.const 1132
      local.get 5
      i32.store
      i32.const 1136
      local.get 5
      i32.const 1128
      i32.load
      i32.add
      i32.store
      i32.const 1140
      local.get 1
      i32.store
      local.get 2
      return
    end
    i32.const -1)
  (func $services/lib/log-v1/logCheckQuery (type 3) (param i32) (result i32)
    local.get 0
    i32.load offset=32
    i32.const 64
    i32.gt_s
    if  ;; label = @1
      i32.const 4
      return
    end
    local.get 0
    i32.load8_u offset=24
    i32.const 5
    i32.gt_u
    if  ;; label = @1
      i32.const 5
      return
    end
    local.get 0
    i32.load16_u offset=20
    i32.eqz
    if  ;; label = @1
      i32.const 5
      return
    end
    local.get 0
    i32.load offset=32
    i32.eqz
    if  ;; label = @1
      i32.const 0
      return
    end
    local.get 0
    i32.load offset=28
    local.get 0
    i32.load offset=32
    call 0)
  (func $services/lib/log-v1/logCheckMessage (type 1) (param i32 i32) (result i32)
    local.get 1
    i32.const 256
    i32.gt_s
    if  ;; label = @1
      i32.const 4
      return
    end
    local.get 1
    i32.const 0
    i32.lt_s
    if  ;; label = @1
      i32.const 5
      return
    end
    local.get 0
    local.get 1
    call 6)
  (func $services/lib/log-v1/logCheckFields (type 1) (param i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    local.get 1
    i32.const 512
    i32.gt_s
    if  ;; label = @1
      i32.const 4
      return
    end
    block  ;; label = @1
      local.get 1
      i32.const 0
      i32.lt_s
      br_if 0 (;@1;)
      local.get 1
      i32.const 0
      i32.gt_s
      if (result i32)  ;; label = @2
        local.get 0
        local.get 1
        i32.add
        i32.const 1
        i32.sub
        i32.load8_u
        i32.const 10
        i32.eq
      else
        i32.const 0
      end
      br_if 0 (;@1;)
      loop  ;; label = @2
        local.get 1
        local.get 5
        i32.gt_s
        if  ;; label = @3
          local.get 5
          local.set 2
          block  ;; label = @4
            loop  ;; label = @5
              local.get 1
              local.get 2
              i32.gt_s
              if  ;; label = @6
                local.get 0
                local.get 2
                i32.add
                i32.load8_u
                i32.const 10
                i32.eq
                br_if 2 (;@4;)
                local.get 2
                i32.const 1
                i32.add
                local.set 2
                br 1 (;@5;)
              end
            end
            i32.const -1
            local.set 2
          end
          local.get 1
          local.get 2
          local.get 2
          i32.const 0
          i32.lt_s
          select
          local.set 8
          local.get 5
          local.set 2
          block  ;; label = @4
            loop  ;; label = @5
              local.get 2
              local.get 8
              i32.lt_s
              if  ;; label = @6
                local.get 0
                local.get 2
                i32.add
                i32.load8_u
                i32.const 61
                i32.eq
                br_if 2 (;@4;)
                local.get 2
                i32.const 1
                i32.add
                local.set 2
                br 1 (;@5;)
              end
            end
            i32.const -1
            local.set 2
          end
          local.get 2
          local.tee 7
          i32.const 0
          i32.lt_s
          br_if 2 (;@1;)
          local.get 0
          local.get 5
          i32.add
          local.set 4
          block (result i32)  ;; label = @4
            i32.const 5
            local.get 2
            local.get 5
            i32.sub
            local.tee 2
            i32.const 0
            i32.le_s
            br_if 0 (;@4;)
            drop
            i32.const 0
            local.set 5
            loop  ;; label = @5
              local.get 2
              local.get 5
              i32.gt_s
              if  ;; label = @6
                local.get 4
                local.get 5
                i32.add
                i32.load8_u
                local.tee 9
                i32.const 45
                i32.eq
                local.set 10
                local.get 9
                i32.const 95
                i32.eq
                local.set 11
                i32.const 5
                local.get 10
                local.get 9
                i32.const 122
                i32.le_u
                local.get 9
                i32.const 97
                i32.ge_u
                i32.and
                if (result i32)  ;; label = @7
                  i32.const 1
                else
                  local.get 9
                  i32.const 57
                  i32.le_u
                  local.get 9
                  i32.const 48
                  i32.ge_u
                  i32.and
                end
                local.get 11
                i32.or
                local.get 9
                i32.const 46
                i32.eq
                i32.or
                i32.or
                i32.eqz
                br_if 2 (;@4;)
                drop
                local.get 5
                i32.const 1
                i32.add
                local.set 5
                br 1 (;@5;)
              end
            end
            i32.const 5
            local.get 4
            local.get 2
            call 9
            br_if 0 (;@4;)
            drop
            i32.const 0
          end
          br_if 2 (;@1;)
          local.get 3
          i32.const 0
          i32.gt_s
          if  ;; label = @4
            local.get 3
            local.tee 9
            local.get 2
            local.get 2
            local.get 3
            i32.gt_s
            select
            local.set 5
            i32.const 0
            local.set 10
            block  ;; label = @5
              local.get 6
              local.get 4
              local.tee 3
              i32.eq
              br_if 0 (;@5;)
              local.get 6
              i32.const 7
              i32.and
              local.get 3
              i32.const 7
              i32.and
              i32.eq
              if  ;; label = @6
                loop  ;; label = @7
                  local.get 6
                  i32.const 7
                  i32.and
                  if  ;; label = @8
                    i32.const 0
                    local.set 10
                    local.get 5
                    i32.eqz
                    br_if 3 (;@5;)
                    local.get 6
                    i32.load8_u
                    local.tee 11
                    local.get 3
                    i32.load8_u
                    local.tee 12
                    i32.sub
                    local.set 10
                    local.get 11
                    local.get 12
                    i32.ne
                    br_if 3 (;@5;)
                    local.get 5
                    i32.const 1
                    i32.sub
                    local.set 5
                    local.get 6
                    i32.const 1
                    i32.add
                    local.set 6
                    local.get 3
                    i32.const 1
                    i32.add
                    local.set 3
                    br 1 (;@7;)
                  end
                end
                loop  ;; label = @7
                  local.get 5
                  i32.const 8
                  i32.ge_u
                  if  ;; label = @8
                    local.get 6
                    i64.load
                    local.get 3
                    i64.load
                    i64.eq
                    if  ;; label = @9
                      local.get 6
                      i32.const 8
                      i32.add
                      local.set 6
                      local.get 3
                      i32.const 8
                      i32.add
                      local.set 3
                      local.get 5
                      i32.const 8
                      i32.sub
                      local.set 5
                      br 2 (;@7;)
                    end
                  end
                end
              end
              loop  ;; label = @6
                local.get 5
                local.tee 10
                i32.const 1
                i32.sub
                local.set 5
                local.get 10
                if  ;; label = @7
                  local.get 6
                  i32.load8_u
                  local.tee 11
                  local.get 3
                  i32.load8_u
                  local.tee 12
                  i32.sub
                  local.set 10
                  local.get 11
                  local.get 12
                  i32.ne
                  br_if 2 (;@5;)
                  local.get 6
                  i32.const 1
                  i32.add
                  local.set 6
                  local.get 3
                  i32.const 1
                  i32.add
                  local.set 3
                  br 1 (;@6;)
                end
              end
              i32.const 0
              local.set 10
            end
            local.get 10
            local.get 9
            local.get 2
            i32.sub
            local.get 10
            select
            i32.const 0
            i32.ge_s
            br_if 3 (;@1;)
          end
          local.get 0
          local.get 7
          i32.add
          i32.const 1
          i32.add
          local.get 8
          local.get 7
          i32.sub
          i32.const 1
          i32.sub
          call 6
          br_if 2 (;@1;)
          local.get 4
          local.set 6
          local.get 2
          local.set 3
          local.get 8
          i32.const 1
          i32.add
          local.set 5
          br 1 (;@2;)
        end
      end
      i32.const 0
      return
    end
    i32.const 5)
  (func $services/lib/log-v1/logCheckAppend (type 3) (param i32) (result i32)
    (local i32)
    local.get 0
    i32.load offset=8
    i32.const 64
    i32.gt_s
    if  ;; label = @1
      i32.const 4
      return
    end
    local.get 0
    i32.load offset=16
    i32.const 256
    i32.gt_s
    if  ;; label = @1
      i32.const 4
      return
    end
    local.get 0
    i32.load offset=24
    i32.const 512
    i32.gt_s
    if  ;; label = @1
      i32.const 4
      return
    end
    i32.const 5
    i32.const 0
    local.get 0
    i32.load8_u
    local.tee 1
    i32.eqz
    local.get 1
    i32.const 5
    i32.gt_u
    i32.or
    select
    local.tee 1
    i32.eqz
    if  ;; label = @1
      local.get 0
      i32.load offset=4
      local.get 0
      i32.load offset=8
      call 0
      local.set 1
    end
    local.get 1
    i32.eqz
    if  ;; label = @1
      local.get 0
      i32.load offset=12
      local.get 0
      i32.load offset=16
      call 3
      local.set 1
    end
    local.get 1
    if (result i32)  ;; label = @1
      local.get 1
    else
      local.get 0
      i32.load offset=20
      local.get 0
      i32.load offset=24
      call 4
    end)
  (func $services/lib/log-v1/checkText (type 1) (param i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32)
    loop  ;; label = @1
      local.get 1
      local.get 3
      i32.gt_s
      if  ;; label = @2
        local.get 0
        local.get 3
        i32.add
        i32.load8_u
        local.tee 2
        i32.const 128
        i32.lt_u
        if  ;; label = @3
          local.get 2
          i32.const 9
          i32.ne
          local.get 2
          i32.const 32
          i32.lt_u
          i32.and
          local.get 2
          i32.const 127
          i32.eq
          i32.or
          if  ;; label = @4
            i32.const 5
            return
          end
          local.get 3
          i32.const 1
          i32.add
          local.set 3
          br 2 (;@1;)
        end
        local.get 1
        local.get 3
        i32.sub
        local.set 6
        block (result i32)  ;; label = @3
          i32.const 1
          local.get 0
          local.get 3
          i32.add
          local.tee 5
          i32.load8_u
          local.tee 7
          i32.const 128
          i32.lt_u
          br_if 0 (;@3;)
          drop
          i32.const 128
          local.set 2
          i32.const 191
          local.set 4
          i32.const 0
          local.get 7
          i32.const 223
          i32.le_u
          local.get 7
          i32.const 194
          i32.ge_u
          i32.and
          if (result i32)  ;; label = @4
            i32.const 2
          else
            local.get 7
            i32.const 224
            i32.eq
            if (result i32)  ;; label = @5
              i32.const 160
              local.set 2
              i32.const 3
            else
              local.get 7
              i32.const 237
              i32.eq
              if (result i32)  ;; label = @6
                i32.const 159
                local.set 4
                i32.const 3
              else
                local.get 7
                i32.const 239
                i32.le_u
                local.get 7
                i32.const 225
                i32.ge_u
                i32.and
                if (result i32)  ;; label = @7
                  i32.const 3
                else
                  local.get 7
                  i32.const 240
                  i32.eq
                  if  ;; label = @8
                    i32.const 144
                    local.set 2
                  else
                    local.get 7
                    i32.const 244
                    i32.eq
                    if  ;; label = @9
                      i32.const 143
                      local.set 4
                    else
                      i32.const 0
                      local.get 7
                      i32.const 243
                      i32.le_u
                      local.get 7
                      i32.const 241
                      i32.ge_u
                      i32.and
                      i32.eqz
                      br_if 6 (;@3;)
                      drop
                    end
                  end
                  i32.const 4
                end
              end
            end
          end
          local.tee 7
          local.get 6
          i32.gt_s
          br_if 0 (;@3;)
          drop
          i32.const 0
          local.get 5
          i32.load8_u offset=1
          local.tee 6
          local.get 4
          i32.gt_u
          local.get 2
          local.get 6
          i32.gt_u
          i32.or
          br_if 0 (;@3;)
          drop
          i32.const 2
          local.set 2
          loop  ;; label = @4
            local.get 2
            local.get 7
            i32.lt_s
            if  ;; label = @5
              i32.const 0
              local.get 2
              local.get 5
              i32.add
              i32.load8_u
              local.tee 4
              i32.const 128
              i32.lt_u
              local.get 4
              i32.const 191
              i32.gt_u
              i32.or
              br_if 2 (;@3;)
              drop
              local.get 2
              i32.const 1
              i32.add
              local.set 2
              br 1 (;@4;)
            end
          end
          local.get 7
        end
        local.tee 2
        i32.eqz
        if  ;; label = @3
          i32.const 5
          return
        end
        local.get 2
        local.get 3
        i32.add
        local.set 3
        br 1 (;@1;)
      end
    end
    i32.const 0)
  (func $~start (type 4))
  (func $services/lib/log-v1/logDecodeRequest (type 3) (param i32) (result i32)
    (local i32 i32)
    local.get 0
    i32.const 3
    i32.gt_s
    if (result i32)  ;; label = @1
      i32.const 1283
      i32.load8_u
    else
      i32.const 0
    end
    global.set 32
    block (result i32)  ;; label = @1
      i32.const 1
      local.get 0
      i32.const 8
      i32.lt_s
      br_if 0 (;@1;)
      drop
      i32.const 1
      i32.const 1280
      i32.load16_u
      i32.const 18252
      i32.ne
      br_if 0 (;@1;)
      drop
      i32.const 2
      i32.const 1282
      i32.load8_u
      i32.const 1
      i32.ne
      br_if 0 (;@1;)
      drop
      i32.const 4
      local.get 0
      i32.const 4096
      i32.gt_s
      br_if 0 (;@1;)
      drop
      i32.const 1
      i32.const 1285
      i32.load8_u
      br_if 0 (;@1;)
      drop
      i32.const 1
      i32.const 1286
      i32.load16_u
      local.get 0
      i32.const 8
      i32.sub
      i32.ne
      br_if 0 (;@1;)
      drop
      i32.const 0
    end
    local.tee 1
    if  ;; label = @1
      local.get 1
      return
    end
    global.get 32
    i32.const 255
    i32.and
    local.tee 1
    i32.const 2
    i32.eq
    local.get 1
    i32.const 1
    i32.eq
    i32.or
    local.get 1
    i32.const 3
    i32.eq
    i32.or
    i32.eqz
    if  ;; label = @1
      i32.const 3
      return
    end
    i32.const 1284
    i32.load8_u
    if  ;; label = @1
      i32.const 1
      return
    end
    local.get 0
    i32.const 8
    i32.sub
    local.set 0
    global.get 32
    i32.const 1
    i32.eq
    if  ;; label = @1
      block (result i32)  ;; label = @2
        i32.const 1
        local.get 0
        i32.const 8
        i32.lt_s
        br_if 0 (;@2;)
        drop
        i32.const 1
        i32.const 1289
        i32.load8_u
        br_if 0 (;@2;)
        drop
        i32.const 1
        local.get 0
        i32.const 1294
        i32.load16_u
        local.tee 1
        i32.const 1290
        i32.load16_u
        local.tee 0
        i32.const 1292
        i32.load16_u
        local.tee 2
        i32.add
        i32.add
        i32.const 8
        i32.add
        i32.ne
        br_if 0 (;@2;)
        drop
        i32.const 1024
        i32.const 1288
        i32.load8_u
        i32.store8
        i32.const 1028
        i32.const 1296
        i32.store
        i32.const 1032
        local.get 0
        i32.store
        i32.const 1036
        local.get 0
        i32.const 1028
        i32.load
        i32.add
        i32.store
        i32.const 1040
        local.get 2
        i32.store
        i32.const 1044
        local.get 2
        i32.const 1036
        i32.load
        i32.add
        i32.store
        i32.const 1048
        local.get 1
        i32.store
        i32.const 1024
        call 5
      end
      return
    end
    global.get 32
    i32.const 2
    i32.eq
    if  ;; label = @1
      block (result i32)  ;; label = @2
        i32.const 1
        local.get 0
        i32.const 28
        i32.lt_s
        br_if 0 (;@2;)
        drop
        i32.const 1
        i32.const 1313
        i32.load8_u
        br_if 0 (;@2;)
        drop
        i32.const 1
        local.get 0
        i32.const 1314
        i32.load16_u
        local.tee 0
        i32.const 28
        i32.add
        i32.ne
        br_if 0 (;@2;)
        drop
        i32.const 1056
        i32.const 1288
        i64.load
        i64.store
        i32.const 1064
        i32.const 1296
        i64.load
        i64.store
        i32.const 1072
        i32.const 1304
        i32.load
        i32.store
        i32.const 1076
        i32.const 1308
        i32.load16_u
        i32.store16
        i32.const 1078
        i32.const 1310
        i32.load16_u
        i32.store16
        i32.const 1080
        i32.const 1312
        i32.load8_u
        i32.store8
        i32.const 1084
        i32.const 1316
        i32.store
        i32.const 1088
        local.get 0
        i32.store
        i32.const 1056
        call 2
      end
      return
    end
    local.get 0
    if  ;; label = @1
      i32.const 1
      return
    end
    i32.const 0)
  (func $services/lib/log-v1/isReservedKey (type 1) (param i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32)
    local.get 1
    i32.const 3
    i32.eq
    if  ;; label = @1
      i32.const 3
      local.set 2
      local.get 0
      local.set 3
      i32.const 1274
      local.set 5
      block  ;; label = @2
        local.get 0
        i32.const 1274
        i32.eq
        br_if 0 (;@2;)
        local.get 0
        i32.const 7
        i32.and
        i32.const 2
        i32.eq
        if  ;; label = @3
          loop  ;; label = @4
            local.get 3
            i32.const 7
            i32.and
            if  ;; label = @5
              i32.const 0
              local.set 4
              local.get 2
              i32.eqz
              br_if 3 (;@2;)
              local.get 3
              i32.load8_u
              local.tee 6
              local.get 5
              i32.load8_u
              local.tee 7
              i32.sub
              local.set 4
              local.get 6
              local.get 7
              i32.ne
              br_if 3 (;@2;)
              local.get 2
              i32.const 1
              i32.sub
              local.set 2
              local.get 3
              i32.const 1
              i32.add
              local.set 3
              local.get 5
              i32.const 1
              i32.add
              local.set 5
              br 1 (;@4;)
            end
          end
          loop  ;; label = @4
            local.get 2
            i32.const 8
            i32.ge_u
            if  ;; label = @5
              local.get 3
              i64.load
              local.get 5
              i64.load
              i64.eq
              if  ;; label = @6
                local.get 3
                i32.const 8
                i32.add
                local.set 3
                local.get 5
                i32.const 8
                i32.add
                local.set 5
                local.get 2
                i32.const 8
                i32.sub
                local.set 2
                br 2 (;@4;)
              end
            end
          end
        end
        loop  ;; label = @3
          local.get 2
          local.tee 4
          i32.const 1
          i32.sub
          local.set 2
          local.get 4
          if  ;; label = @4
            local.get 3
            i32.load8_u
            local.tee 6
            local.get 5
            i32.load8_u
            local.tee 7
            i32.sub
            local.set 4
            local.get 6
            local.get 7
            i32.ne
            br_if 2 (;@2;)
            local.get 3
            i32.const 1
            i32.add
            local.set 3
            local.get 5
            i32.const 1
            i32.add
            local.set 5
            br 1 (;@3;)
          end
        end
        i32.const 0
        local.set 4
      end
    else
      i32.const 1
      local.set 4
    end
    local.get 4
    i32.eqz
    if  ;; label = @1
      i32.const 1
      return
    end
    local.get 1
    i32.const 6
    i32.lt_s
    if  ;; label = @1
      i32.const 0
      return
    end
    i32.const 6
    local.set 1
    i32.const 1268
    local.set 2
    i32.const 0
    local.set 3
    block  ;; label = @1
      local.get 0
      i32.const 1268
      i32.eq
      br_if 0 (;@1;)
      local.get 0
      i32.const 7
      i32.and
      i32.const 4
      i32.eq
      if  ;; label = @2
        loop  ;; label = @3
          local.get 0
          i32.const 7
          i32.and
          if  ;; label = @4
            i32.const 0
            local.set 3
            local.get 1
            i32.eqz
            br_if 3 (;@1;)
            local.get 0
            i32.load8_u
            local.tee 4
            local.get 2
            i32.load8_u
            local.tee 5
            i32.sub
            local.set 3
            local.get 4
            local.get 5
            i32.ne
            br_if 3 (;@1;)
            local.get 1
            i32.const 1
            i32.sub
            local.set 1
            local.get 0
            i32.const 1
            i32.add
            local.set 0
            local.get 2
            i32.const 1
            i32.add
            local.set 2
            br 1 (;@3;)
          end
        end
        loop  ;; label = @3
          local.get 1
          i32.const 8
          i32.ge_u
          if  ;; label = @4
            local.get 0
            i64.load
            local.get 2
            i64.load
            i64.eq
            if  ;; label = @5
              local.get 0
              i32.const 8
              i32.add
              local.set 0
              local.get 2
              i32.const 8
              i32.add
              local.set 2
              local.get 1
              i32.const 8
              i32.sub
              local.set 1
              br 2 (;@3;)
            end
          end
        end
      end
      loop  ;; label = @2
        local.get 1
        local.tee 3
        i32.const 1
        i32.sub
        local.set 1
        local.get 3
        if  ;; label = @3
          local.get 0
          i32.load8_u
          local.tee 4
          local.get 2
          i32.load8_u
          local.tee 5
          i32.sub
          local.set 3
          local.get 4
          local.get 5
          i32.ne
          br_if 2 (;@1;)
          local.get 0
          i32.const 1
          i32.add
          local.set 0
          local.get 2
          i32.const 1
          i32.add
          local.set 2
          br 1 (;@2;)
        end
      end
      i32.const 0
      local.set 3
    end
    local.get 3
    i32.eqz)
  (func $services/lib/log-v1.module/statsUsedRecords (type 0) (result i32)
    i32.const 1184
    i32.load)
  (func $services/lib/log-v1.module/statsUsedBytes (type 0) (result i32)
    i32.const 1188
    i32.load)
  (func $services/lib/log-v1.module/statsRejected (type 2) (result i64)
    i32.const 1160
    i64.load)
  (func $services/lib/log-v1.module/statsNextId (type 2) (result i64)
    i32.const 1168
    i64.load)
  (func $services/lib/log-v1.module/statsDropped (type 2) (result i64)
    i32.const 1152
    i64.load)
  (func $services/lib/log-v1.module/statsCapacityRecords (type 0) (result i32)
    i32.const 1176
    i32.load)
  (func $services/lib/log-v1.module/statsCapacityBytes (type 0) (result i32)
    i32.const 1180
    i32.load)
  (func $services/lib/log-v1.module/statsAppended (type 2) (result i64)
    i32.const 1144
    i64.load)
  (func $services/lib/log-v1.module/responseStatus (type 0) (result i32)
    i32.const 1193
    i32.load8_u)
  (func $services/lib/log-v1.module/responseRecordsPtr (type 0) (result i32)
    i32.const 1228
    i32.load)
  (func $services/lib/log-v1.module/responseRecordsBytes (type 0) (result i32)
    i32.const 1232
    i32.load)
  (func $services/lib/log-v1.module/responseRecordId (type 2) (result i64)
    i32.const 1200
    i64.load)
  (func $services/lib/log-v1.module/responseOp (type 0) (result i32)
    i32.const 1192
    i32.load8_u)
  (func $services/lib/log-v1.module/responseNextCursor (type 2) (result i64)
    i32.const 1216
    i64.load)
  (func $services/lib/log-v1.module/responseFlags (type 0) (result i32)
    i32.const 1226
    i32.load16_u)
  (func $services/lib/log-v1.module/responseDropped (type 2) (result i64)
    i32.const 1208
    i64.load)
  (func $services/lib/log-v1.module/responseCount (type 0) (result i32)
    i32.const 1224
    i32.load16_u)
  (func $services/lib/log-v1.module/requestOp (type 0) (result i32)
    global.get 32)
  (func $services/lib/log-v1.module/recordTimestampNs (type 2) (result i64)
    i32.const 1104
    i64.load)
  (func $services/lib/log-v1.module/recordSender (type 0) (result i32)
    i32.const 1112
    i32.load)
  (func $services/lib/log-v1.module/recordScopePtr (type 0) (result i32)
    i32.const 1120
    i32.load)
  (func $services/lib/log-v1.module/recordScopeBytes (type 0) (result i32)
    i32.const 1124
    i32.load)
  (func $services/lib/log-v1.module/recordMessagePtr (type 0) (result i32)
    i32.const 1128
    i32.load)
  (func $services/lib/log-v1.module/recordMessageBytes (type 0) (result i32)
    i32.const 1132
    i32.load)
  (func $services/lib/log-v1.module/recordLevel (type 0) (result i32)
    i32.const 1116
    i32.load8_u)
  (func $services/lib/log-v1.module/recordId (type 2) (result i64)
    i32.const 1096
    i64.load)
  (func $services/lib/log-v1.module/recordFieldsPtr (type 0) (result i32)
    i32.const 1136
    i32.load)
  (func $services/lib/log-v1.module/recordFieldsBytes (type 0) (result i32)
    i32.const 1140
    i32.load)
  (func $services/lib/log-v1.module/queryTimestampMinNs (type 2) (result i64)
    i32.const 1064
    i64.load)
  (func $services/lib/log-v1.module/querySender (type 0) (result i32)
    i32.const 1072
    i32.load)
  (func $services/lib/log-v1.module/queryScopePtr (type 0) (result i32)
    i32.const 1084
    i32.load)
  (func $services/lib/log-v1.module/queryScopeBytes (type 0) (result i32)
    i32.const 1088
    i32.load)
  (func $services/lib/log-v1.module/queryRecordsMax (type 0) (result i32)
    i32.const 1076
    i32.load16_u)
  (func $services/lib/log-v1.module/queryLevelMax (type 0) (result i32)
    i32.const 1080
    i32.load8_u)
  (func $services/lib/log-v1.module/queryCursor (type 2) (result i64)
    i32.const 1056
    i64.load)
  (func $services/lib/log-v1.module/queryBytesMax (type 0) (result i32)
    i32.const 1078
    i32.load16_u)
  (func $services/lib/log-v1.module/outputPtr (type 0) (result i32)
    i32.const 9472)
  (func $services/lib/log-v1.module/inputPtr (type 0) (result i32)
    i32.const 1280)
  (func $services/lib/log-v1.module/encodeStatsResponse (type 5) (param i64 i64 i64 i64 i32 i32 i32 i32) (result i32)
    i32.const 17752
    local.get 0
    i64.store
    i32.const 17760
    local.get 1
    i64.store
    i32.const 17768
    local.get 2
    i64.store
    i32.const 17776
    local.get 3
    i64.store
    i32.const 17784
    local.get 4
    i32.store
    i32.const 17788
    local.get 5
    i32.store
    i32.const 17792
    local.get 6
    i32.store
    i32.const 17796
    local.get 7
    i32.store
    i32.const 9472
    i32.const 18252
    i32.store16
    i32.const 9474
    i32.const 1
    i32.store8
    i32.const 9475
    i32.const 131
    i32.store8
    i32.const 9476
    i32.const 0
    i32.store8
    i32.const 9477
    i32.const 0
    i32.store8
    i32.const 9478
    i32.const 48
    i32.store16
    i32.const 9480
    i32.const 17752
    i64.load
    i64.store
    i32.const 9488
    i32.const 17760
    i64.load
    i64.store
    i32.const 9496
    i32.const 17768
    i64.load
    i64.store
    i32.const 9504
    i32.const 17776
    i64.load
    i64.store
    i32.const 9512
    i32.const 17784
    i32.load
    i32.store
    i32.const 9516
    i32.const 17788
    i32.load
    i32.store
    i32.const 9520
    i32.const 17792
    i32.load
    i32.store
    i32.const 9524
    i32.const 17796
    i32.load
    i32.store
    i32.const 56)
  (func $services/lib/log-v1.module/encodeStatsRequest (type 0) (result i32)
    i32.const 9472
    i32.const 18252
    i32.store16
    i32.const 9474
    i32.const 1
    i32.store8
    i32.const 9475
    i32.const 3
    i32.store8
    i32.const 9476
    i32.const 0
    i32.store8
    i32.const 9477
    i32.const 0
    i32.store8
    i32.const 9478
    i32.const 0
    i32.store16
    i32.const 8)
  (func $services/lib/log-v1.module/encodeQueryResponseHead (type 6) (param i64 i32 i32 i32) (result i32)
    local.get 1
    i32.const 128
    i32.le_s
    local.get 1
    i32.const 0
    i32.ge_s
    i32.and
    i32.eqz
    if  ;; label = @1
      unreachable
    end
    local.get 3
    i32.const 4076
    i32.le_s
    local.get 3
    i32.const 0
    i32.ge_s
    i32.and
    i32.eqz
    if  ;; label = @1
      unreachable
    end
    local.get 3
    i32.const 12
    i32.add
    local.tee 3
    i32.const 8
    i32.add
    i32.const 4096
    i32.le_s
    local.get 3
    i32.const 0
    i32.ge_s
    i32.and
    i32.eqz
    if  ;; label = @1
      unreachable
    end
    i32.const 9472
    i32.const 18252
    i32.store16
    i32.const 9474
    i32.const 1
    i32.store8
    i32.const 9475
    i32.const 130
    i32.store8
    i32.const 9476
    i32.const 0
    i32.store8
    i32.const 9477
    i32.const 0
    i32.store8
    i32.const 9478
    local.get 3
    i32.store16
    i32.const 9480
    local.get 0
    i64.store
    i32.const 9488
    local.get 1
    i32.store16
    i32.const 9490
    local.get 2
    i32.store16
    local.get 3
    i32.const 8
    i32.add)
  (func $services/lib/log-v1.module/encodeQueryRequest (type 7) (param i64 i64 i32 i32 i32 i32 i32 i32) (result i32)
    i32.const 17664
    local.get 0
    i64.store
    i32.const 17672
    local.get 1
    i64.store
    i32.const 17680
    local.get 2
    i32.store
    i32.const 17684
    local.get 3
    i32.store16
    i32.const 17686
    local.get 4
    i32.store16
    i32.const 17688
    local.get 5
    i32.store8
    i32.const 17692
    local.get 6
    i32.store
    i32.const 17696
    local.get 7
    i32.store
    i32.const 0
    i32.const 17664
    call 2
    local.tee 2
    i32.sub
    local.set 3
    block  ;; label = @1
      local.get 2
      br_if 0 (;@1;)
      i32.const -4
      local.set 3
      i32.const 17696
      i32.load
      i32.const 28
      i32.add
      local.tee 2
      i32.const 8
      i32.add
      local.tee 4
      i32.const 4096
      i32.gt_s
      br_if 0 (;@1;)
      local.get 4
      i32.const 4096
      i32.le_s
      local.get 2
      i32.const 0
      i32.ge_s
      i32.and
      i32.eqz
      if  ;; label = @2
        unreachable
      end
      i32.const 9472
      i32.const 18252
      i32.store16
      i32.const 9474
      i32.const 1
      i32.store8
      i32.const 9475
      i32.const 2
      i32.store8
      i32.const 9476
      i32.const 0
      i32.store8
      i32.const 9477
      i32.const 0
      i32.store8
      i32.const 9478
      local.get 2
      i32.store16
      i32.const 9480
      i32.const 17664
      i64.load
      i64.store
      i32.const 9488
      i32.const 17672
      i64.load
      i64.store
      i32.const 9496
      i32.const 17680
      i32.load
      i32.store
      i32.const 9500
      i32.const 17684
      i32.load16_u
      i32.store16
      i32.const 9502
      i32.const 17686
      i32.load16_u
      i32.store16
      i32.const 9504
      i32.const 17688
      i32.load8_u
      i32.store8
      i32.const 9505
      i32.const 0
      i32.store8
      i32.const 9506
      i32.const 17696
      i32.load
      i32.store16
      i32.const 9508
      i32.const 17692
      i32.load
      i32.const 17696
      i32.load
      memory.copy
      local.get 2
      i32.const 8
      i32.add
      local.set 3
    end
    local.get 3)
  (func $services/lib/log-v1.module/encodeQueryRecord (type 8) (param i32 i64 i64 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    i32.const 17704
    local.get 1
    i64.store
    i32.const 17712
    local.get 2
    i64.store
    i32.const 17720
    local.get 3
    i32.store
    i32.const 17724
    local.get 4
    i32.store8
    i32.const 17728
    local.get 5
    i32.store
    i32.const 17732
    local.get 6
    i32.store
    i32.const 17736
    local.get 7
    i32.store
    i32.const 17740
    local.get 8
    i32.store
    i32.const 17744
    local.get 9
    i32.store
    i32.const 17748
    local.get 10
    i32.store
    i32.const 17748
    i32.load
    i32.const 17740
    i32.load
    i32.const 17732
    i32.load
    i32.const 28
    i32.add
    i32.add
    i32.add
    local.tee 3
    i32.const 860
    i32.gt_s
    if  ;; label = @1
      unreachable
    end
    local.get 3
    i32.const 4076
    local.get 0
    i32.sub
    i32.gt_s
    if (result i32)  ;; label = @1
      i32.const -4
    else
      local.get 0
      i32.const 9492
      i32.add
      local.tee 0
      i32.const 17704
      i64.load
      i64.store
      local.get 0
      i32.const 17712
      i64.load
      i64.store offset=8
      local.get 0
      i32.const 17720
      i32.load
      i32.store offset=16
      local.get 0
      i32.const 17724
      i32.load8_u
      i32.store8 offset=20
      local.get 0
      i32.const 0
      i32.store8 offset=21
      local.get 0
      i32.const 17732
      i32.load
      i32.store16 offset=22
      local.get 0
      i32.const 17740
      i32.load
      i32.store16 offset=24
      local.get 0
      i32.const 17748
      i32.load
      i32.store16 offset=26
      local.get 0
      i32.const 28
      i32.add
      local.tee 0
      i32.const 17728
      i32.load
      i32.const 17732
      i32.load
      memory.copy
      local.get 0
      i32.const 17732
      i32.load
      i32.add
      i32.const 17736
      i32.load
      i32.const 17740
      i32.load
      memory.copy
      i32.const 17740
      i32.load
      local.get 0
      i32.const 17732
      i32.load
      i32.add
      i32.add
      i32.const 17744
      i32.load
      i32.const 17748
      i32.load
      memory.copy
      local.get 3
    end)
  (func $services/lib/log-v1.module/encodeErrorResponse (type 1) (param i32 i32) (result i32)
    (local i32)
    local.get 1
    i32.const 255
    i32.and
    local.tee 2
    i32.const 6
    i32.le_u
    i32.const 0
    local.get 2
    select
    i32.eqz
    if  ;; label = @1
      unreachable
    end
    i32.const 9472
    i32.const 18252
    i32.store16
    i32.const 9474
    i32.const 1
    i32.store8
    i32.const 9475
    local.get 0
    i32.const 128
    i32.or
    i32.store8
    i32.const 9476
    local.get 1
    i32.store8
    i32.const 9477
    i32.const 0
    i32.store8
    i32.const 9478
    i32.const 0
    i32.store16
    i32.const 8)
  (func $services/lib/log-v1.module/encodeAppendResponse (type 9) (param i64 i64) (result i32)
    i32.const 9472
    i32.const 18252
    i32.store16
    i32.const 9474
    i32.const 1
    i32.store8
    i32.const 9475
    i32.const 129
    i32.store8
    i32.const 9476
    i32.const 0
    i32.store8
    i32.const 9477
    i32.const 0
    i32.store8
    i32.const 9478
    i32.const 16
    i32.store16
    i32.const 9480
    local.get 0
    i64.store
    i32.const 9488
    local.get 1
    i64.store
    i32.const 24)
  (func $services/lib/log-v1.module/encodeAppendRequest (type 10) (param i32 i32 i32 i32 i32 i32 i32) (result i32)
    (local i32 i32 i32)
    i32.const 1240
    local.get 0
    i32.store8
    i32.const 1244
    local.get 1
    i32.store
    i32.const 1248
    local.get 2
    i32.store
    i32.const 1252
    local.get 3
    i32.store
    i32.const 1256
    local.get 4
    i32.store
    i32.const 1260
    local.get 5
    i32.store
    i32.const 1264
    local.get 6
    i32.store
    i32.const 0
    i32.const 1240
    call 5
    local.tee 8
    i32.sub
    local.set 7
    block  ;; label = @1
      local.get 8
      br_if 0 (;@1;)
      i32.const -4
      local.set 7
      local.get 2
      i32.const 8
      i32.add
      local.get 4
      i32.add
      local.get 6
      i32.add
      local.tee 8
      i32.const 8
      i32.add
      local.tee 9
      i32.const 4096
      i32.gt_s
      br_if 0 (;@1;)
      local.get 9
      i32.const 4096
      i32.le_s
      local.get 8
      i32.const 0
      i32.ge_s
      i32.and
      i32.eqz
      if  ;; label = @2
        unreachable
      end
      i32.const 9472
      i32.const 18252
      i32.store16
      i32.const 9474
      i32.const 1
      i32.store8
      i32.const 9475
      i32.const 1
      i32.store8
      i32.const 9476
      i32.const 0
      i32.store8
      i32.const 9477
      i32.const 0
      i32.store8
      i32.const 9478
      local.get 8
      i32.store16
      i32.const 9480
      local.get 0
      i32.store8
      i32.const 9481
      i32.const 0
      i32.store8
      i32.const 9482
      local.get 2
      i32.store16
      i32.const 9484
      local.get 4
      i32.store16
      i32.const 9486
      local.get 6
      i32.store16
      i32.const 9488
      local.get 1
      local.get 2
      memory.copy
      local.get 2
      i32.const 9488
      i32.add
      local.tee 0
      local.get 3
      local.get 4
      memory.copy
      local.get 0
      local.get 4
      i32.add
      local.get 5
      local.get 6
      memory.copy
      local.get 8
      i32.const 8
      i32.add
      local.set 7
    end
    local.get 7)
  (func $services/lib/log-v1.module/decodeResponse (type 3) (param i32) (result i32)
    (local i32 i32 i32 i32)
    block  ;; label = @1
      block (result i32)  ;; label = @2
        i32.const 1
        local.get 0
        i32.const 8
        i32.lt_s
        br_if 0 (;@2;)
        drop
        i32.const 1
        i32.const 1280
        i32.load16_u
        i32.const 18252
        i32.ne
        br_if 0 (;@2;)
        drop
        i32.const 2
        i32.const 1282
        i32.load8_u
        i32.const 1
        i32.ne
        br_if 0 (;@2;)
        drop
        i32.const 4
        local.get 0
        i32.const 4096
        i32.gt_s
        br_if 0 (;@2;)
        drop
        i32.const 1
        i32.const 1285
        i32.load8_u
        br_if 0 (;@2;)
        drop
        i32.const 1
        i32.const 1286
        i32.load16_u
        local.get 0
        i32.const 8
        i32.sub
        i32.ne
        br_if 0 (;@2;)
        drop
        i32.const 0
      end
      local.tee 2
      br_if 0 (;@1;)
      i32.const 3
      local.set 2
      i32.const 1283
      i32.load8_u
      local.tee 3
      i32.const 128
      i32.and
      i32.eqz
      br_if 0 (;@1;)
      i32.const 1
      local.set 2
      i32.const 1284
      i32.load8_u
      local.tee 4
      i32.const 6
      i32.gt_u
      br_if 0 (;@1;)
      i32.const 1192
      local.get 3
      i32.const -129
      i32.and
      local.tee 3
      i32.store8
      i32.const 1193
      local.get 4
      i32.store8
      local.get 0
      i32.const 8
      i32.sub
      local.tee 0
      i32.const 0
      i32.ne
      local.set 2
      local.get 4
      br_if 0 (;@1;)
      i32.const 3
      local.set 2
      local.get 3
      i32.const 255
      i32.and
      local.tee 4
      i32.const 2
      i32.eq
      local.get 4
      i32.const 1
      i32.eq
      i32.or
      local.get 4
      i32.const 3
      i32.eq
      i32.or
      i32.eqz
      br_if 0 (;@1;)
      block (result i32)  ;; label = @2
        local.get 4
        i32.const 2
        i32.eq
        if  ;; label = @3
          block (result i32)  ;; label = @4
            i32.const 1
            local.get 0
            i32.const 12
            i32.lt_s
            br_if 0 (;@4;)
            drop
            i32.const 1
            i32.const 1296
            i32.load16_u
            local.tee 2
            i32.const 128
            i32.gt_u
            br_if 0 (;@4;)
            drop
            i32.const 1216
            i32.const 1288
            i64.load
            i64.store
            i32.const 1224
            local.get 2
            i32.store16
            i32.const 1226
            i32.const 1298
            i32.load16_u
            i32.store16
            i32.const 1228
            i32.const 1300
            i32.store
            i32.const 1232
            local.get 0
            i32.const 12
            i32.sub
            i32.store
            i32.const 0
            local.set 0
            loop  ;; label = @5
              local.get 0
              local.get 2
              i32.lt_s
              if  ;; label = @6
                i32.const 1
                local.get 1
                i32.const 1228
                i32.load
                i32.add
                i32.const 1232
                i32.load
                local.get 1
                i32.sub
                call 1
                local.tee 3
                i32.const 0
                i32.lt_s
                br_if 2 (;@4;)
                drop
                local.get 1
                local.get 3
                i32.add
                local.set 1
                local.get 0
                i32.const 1
                i32.add
                local.set 0
                br 1 (;@5;)
              end
            end
            i32.const 1
            local.get 1
            i32.const 1232
            i32.load
            i32.ne
            br_if 0 (;@4;)
            drop
            i32.const 0
          end
          br 1 (;@2;)
        end
        local.get 3
        i32.const 255
        i32.and
        i32.const 1
        i32.eq
        if  ;; label = @3
          i32.const 1
          local.get 0
          i32.const 16
          i32.ne
          br_if 1 (;@2;)
          drop
          i32.const 1200
          i32.const 1288
          i64.load
          i64.store
          i32.const 1208
          i32.const 1296
          i64.load
          i64.store
          i32.const 0
          br 1 (;@2;)
        end
        i32.const 1
        local.get 0
        i32.const 48
        i32.ne
        br_if 0 (;@2;)
        drop
        i32.const 1144
        i32.const 1288
        i64.load
        i64.store
        i32.const 1152
        i32.const 1296
        i64.load
        i64.store
        i32.const 1160
        i32.const 1304
        i64.load
        i64.store
        i32.const 1168
        i32.const 1312
        i64.load
        i64.store
        i32.const 1176
        i32.const 1320
        i32.load
        i32.store
        i32.const 1180
        i32.const 1324
        i32.load
        i32.store
        i32.const 1184
        i32.const 1328
        i32.load
        i32.store
        i32.const 1188
        i32.const 1332
        i32.load
        i32.store
        i32.const 0
      end
      local.set 2
    end
    local.get 2)
  (func $services/lib/log-v1.module/decodeRequest (type 3) (param i32) (result i32)
    local.get 0
    call 8)
  (func $services/lib/log-v1.module/decodeRecord (type 1) (param i32 i32) (result i32)
    local.get 0
    local.get 1
    call 1)
  (func $services/lib/log-v1.module/checkScope (type 1) (param i32 i32) (result i32)
    local.get 0
    local.get 1
    call 0)
  (func $services/lib/log-v1.module/checkMessage (type 1) (param i32 i32) (result i32)
    local.get 0
    local.get 1
    call 3)
  (func $services/lib/log-v1.module/checkFields (type 1) (param i32 i32) (result i32)
    local.get 0
    local.get 1
    call 4)
  (func $services/lib/log-v1.module/appendScopePtr (type 0) (result i32)
    i32.const 1028
    i32.load)
  (func $services/lib/log-v1.module/appendScopeBytes (type 0) (result i32)
    i32.const 1032
    i32.load)
  (func $services/lib/log-v1.module/appendMessagePtr (type 0) (result i32)
    i32.const 1036
    i32.load)
  (func $services/lib/log-v1.module/appendMessageBytes (type 0) (result i32)
    i32.const 1040
    i32.load)
  (func $services/lib/log-v1.module/appendLevel (type 0) (result i32)
    i32.const 1024
    i32.load8_u)
  (func $services/lib/log-v1.module/appendFieldsPtr (type 0) (result i32)
    i32.const 1044
    i32.load)
  (func $services/lib/log-v1.module/appendFieldsBytes (type 0) (result i32)
    i32.const 1048
    i32.load)
  (memory (;0;) 1 64)
  (global $services/lib/limits/messageBytesMax i32 (i32.const 4096))
  (global $services/lib/limits/logScopeBytesMax i32 (i32.const 64))
  (global $services/lib/limits/logMessageBytesMax i32 (i32.const 256))
  (global $services/lib/limits/logFieldsBytesMax i32 (i32.const 512))
  (global $services/lib/limits/logQueryRecordsMax i32 (i32.const 128))
  (global $services/lib/log-v1/logMagic i32 (i32.const 18252))
  (global $services/lib/log-v1/logVersion i32 (i32.const 1))
  (global $services/lib/log-v1/logOpAppend i32 (i32.const 1))
  (global $services/lib/log-v1/logOpQuery i32 (i32.const 2))
  (global $services/lib/log-v1/logOpStats i32 (i32.const 3))
  (global $services/lib/log-v1/logOpSubscribe i32 (i32.const 4))
  (global $services/lib/log-v1/logOpResponseBit i32 (i32.const 128))
  (global $services/lib/log-v1/logStatusOk i32 (i32.const 0))
  (global $services/lib/log-v1/logStatusMalformed i32 (i32.const 1))
  (global $services/lib/log-v1/logStatusUnsupportedVersion i32 (i32.const 2))
  (global $services/lib/log-v1/logStatusUnsupportedOp i32 (i32.const 3))
  (global $services/lib/log-v1/logStatusTooLarge i32 (i32.const 4))
  (global $services/lib/log-v1/logStatusInvalidArgument i32 (i32.const 5))
  (global $services/lib/log-v1/logStatusRejected i32 (i32.const 6))
  (global $services/lib/log-v1/logLevelError i32 (i32.const 1))
  (global $services/lib/log-v1/logLevelWarn i32 (i32.const 2))
  (global $services/lib/log-v1/logLevelInfo i32 (i32.const 3))
  (global $services/lib/log-v1/logLevelDebug i32 (i32.const 4))
  (global $services/lib/log-v1/logLevelTrace i32 (i32.const 5))
  (global $services/lib/log-v1/logQueryFlagMore i32 (i32.const 1))
  (global $services/lib/log-v1/logQueryFlagGap i32 (i32.const 2))
  (global $services/lib/log-v1/logHeaderBytes i32 (i32.const 8))
  (global $services/lib/log-v1/logQueryResponseBytesMax i32 (i32.const 4076))
  (global $services/lib/log-v1/logRecordBytesMin i32 (i32.const 29))
  (global $services/lib/log-v1/logRecordBytesMax i32 (i32.const 860))
  (global $services/lib/log-v1/logQueryPageBytesMin i32 (i32.const 860))
  (global $services/lib/log-v1/logAppendRequestBytesMax i32 (i32.const 848))
  (global $services/lib/log-v1/logRequestOp (mut i32) (i32.const 0))
  (global $services/lib/log-v1/logQueryResponseRecordsOffset i32 (i32.const 20))
  (global $services/lib/log-v1.module/areaBytes i32 (i32.const 8192))
  (export "areaBytes" (global 34))
  (export "inputPtr" (func 47))
  (export "outputPtr" (func 46))
  (export "decodeRequest" (func 57))
  (export "requestOp" (func 27))
  (export "appendLevel" (func 66))
  (export "appendScopePtr" (func 62))
  (export "appendScopeBytes" (func 63))
  (export "appendMessagePtr" (func 64))
  (export "appendMessageBytes" (func 65))
  (export "appendFieldsPtr" (func 67))
  (export "appendFieldsBytes" (func 68))
  (export "queryCursor" (func 44))
  (export "queryTimestampMinNs" (func 38))
  (export "querySender" (func 39))
  (export "queryRecordsMax" (func 42))
  (export "queryBytesMax" (func 45))
  (export "queryLevelMax" (func 43))
  (export "queryScopePtr" (func 40))
  (export "queryScopeBytes" (func 41))
  (export "checkScope" (func 59))
  (export "checkMessage" (func 60))
  (export "checkFields" (func 61))
  (export "encodeAppendRequest" (func 55))
  (export "encodeQueryRequest" (func 51))
  (export "encodeStatsRequest" (func 49))
  (export "encodeErrorResponse" (func 53))
  (export "encodeAppendResponse" (func 54))
  (export "encodeStatsResponse" (func 48))
  (export "encodeQueryRecord" (func 52))
  (export "encodeQueryResponseHead" (func 50))
  (export "decodeResponse" (func 56))
  (export "responseOp" (func 22))
  (export "responseStatus" (func 18))
  (export "responseRecordId" (func 21))
  (export "responseDropped" (func 25))
  (export "responseNextCursor" (func 23))
  (export "responseCount" (func 26))
  (export "responseFlags" (func 24))
  (export "responseRecordsPtr" (func 19))
  (export "responseRecordsBytes" (func 20))
  (export "statsAppended" (func 17))
  (export "statsDropped" (func 14))
  (export "statsRejected" (func 12))
  (export "statsNextId" (func 13))
  (export "statsCapacityRecords" (func 15))
  (export "statsCapacityBytes" (func 16))
  (export "statsUsedRecords" (func 10))
  (export "statsUsedBytes" (func 11))
  (export "decodeRecord" (func 58))
  (export "recordId" (func 35))
  (export "recordTimestampNs" (func 28))
  (export "recordSender" (func 29))
  (export "recordLevel" (func 34))
  (export "recordScopePtr" (func 30))
  (export "recordScopeBytes" (func 31))
  (export "recordMessagePtr" (func 32))
  (export "recordMessageBytes" (func 33))
  (export "recordFieldsPtr" (func 36))
  (export "recordFieldsBytes" (func 37))
  (export "logMagic" (global 5))
  (export "logVersion" (global 6))
  (export "logOpAppend" (global 7))
  (export "logOpQuery" (global 8))
  (export "logOpStats" (global 9))
  (export "logOpSubscribe" (global 10))
  (export "logOpResponseBit" (global 11))
  (export "logStatusOk" (global 12))
  (export "logStatusMalformed" (global 13))
  (export "logStatusUnsupportedVersion" (global 14))
  (export "logStatusUnsupportedOp" (global 15))
  (export "logStatusTooLarge" (global 16))
  (export "logStatusInvalidArgument" (global 17))
  (export "logStatusRejected" (global 18))
  (export "logLevelError" (global 19))
  (export "logLevelWarn" (global 20))
  (export "logLevelInfo" (global 21))
  (export "logLevelDebug" (global 22))
  (export "logLevelTrace" (global 23))
  (export "logQueryFlagMore" (global 24))
  (export "logQueryFlagGap" (global 25))
  (export "logHeaderBytes" (global 26))
  (export "logRecordBytesMin" (global 28))
  (export "logRecordBytesMax" (global 29))
  (export "logQueryResponseBytesMax" (global 27))
  (export "logQueryPageBytesMin" (global 30))
  (export "logAppendRequestBytesMax" (global 31))
  (export "logQueryResponseRecordsOffset" (global 33))
  (export "logFieldsBytesMax" (global 3))
  (export "logMessageBytesMax" (global 2))
  (export "logQueryRecordsMax" (global 4))
  (export "logScopeBytesMax" (global 1))
  (export "messageBytesMax" (global 0))
  (export "memory" (memory 0))
  (export "_initialize" (func 7))
  (data (;0;) (i32.const 1268) "sender")
  (data (;1;) (i32.const 1274) "pid"))
