#!/usr/bin/env python3
# Vendored from the workplace tool library (../shared/tools/make-random-gguf.py) so that CI builds the real-server
# test model from the project's own files; unchanged below this header.
"""Write a RANDOMLY INITIALISED Qwen2-architecture GGUF that uses the real Qwen2
BPE tokenizer (llama.cpp's models/ggml-vocab-qwen2.gguf, vocab only, shipped in
node-llama-cpp's bundled llama.cpp source) plus Qwen2.5's tool-calling chat
template (llama.cpp's models/templates/Qwen-Qwen2.5-7B-Instruct.jinja).
The weights are noise: same compute as a real model of that shape, gibberish text.

usage: make-random-gguf.py LLAMA_CPP_SOURCE_DIR OUT.gguf PRESET [f32|f16|q8_0|q4_0]
  LLAMA_CPP_SOURCE_DIR: a checkout of llama.cpp (e.g. cloned from node-llama-cpp's llama/gitRelease.bundle).
Needs numpy. 'tiny' (about 10M parameters, f32, 45 MB) is enough to exercise a server's protocol.
"""
import sys, time
import numpy as np

LLAMA = sys.argv[1]
sys.argv = [sys.argv[0]] + sys.argv[2:]
sys.path.insert(0, LLAMA + '/gguf-py')
import gguf

PRESETS = {
    # name: hidden, layers, heads, kv_heads, ffn
    'tiny': (64, 2, 4, 2, 128),
    'qwen2.5-0.5b': (896, 24, 14, 2, 4864),    # Qwen2.5-0.5B-Instruct shape
    'qwen2.5-1.5b': (1536, 28, 12, 2, 8960),   # Qwen2.5-1.5B-Instruct shape
}
# Qwen2.5 added tokens that the Qwen1.5/2 vocab file has as [PADnnnnnn]
QWEN25_ADDED = ['<|object_ref_start|>', '<|object_ref_end|>', '<|box_start|>', '<|box_end|>',
                '<|quad_start|>', '<|quad_end|>', '<|vision_start|>', '<|vision_end|>',
                '<|vision_pad|>', '<|image_pad|>', '<|video_pad|>', '<tool_call>', '</tool_call>',
                '<|fim_prefix|>', '<|fim_middle|>', '<|fim_suffix|>', '<|fim_pad|>',
                '<|repo_name|>', '<|file_sep|>']

out, preset = sys.argv[1], sys.argv[2]
qname = sys.argv[3] if len(sys.argv) > 3 else 'q8_0'
qtype = {'f32': gguf.GGMLQuantizationType.F32, 'f16': gguf.GGMLQuantizationType.F16,
         'q8_0': gguf.GGMLQuantizationType.Q8_0, 'q4_0': gguf.GGMLQuantizationType.Q4_0}[qname]
ftype = {'f32': gguf.LlamaFileType.ALL_F32, 'f16': gguf.LlamaFileType.MOSTLY_F16,
         'q8_0': gguf.LlamaFileType.MOSTLY_Q8_0, 'q4_0': gguf.LlamaFileType.MOSTLY_Q4_0}[qname]
H, L, NH, NKV, FF = PRESETS[preset]
HD = H // NH
t0 = time.time()

voc = gguf.GGUFReader(LLAMA + '/models/ggml-vocab-qwen2.gguf')
tokens = list(voc.fields['tokenizer.ggml.tokens'].contents())
ttypes = list(voc.fields['tokenizer.ggml.token_type'].contents())
merges = list(voc.fields['tokenizer.ggml.merges'].contents())
for i, t in enumerate(QWEN25_ADDED):
    idx = 151646 + i
    tokens[idx] = t
    # llama.cpp's converter marks Qwen2.5's non-special added tokens USER_DEFINED, special ones CONTROL
    ttypes[idx] = gguf.TokenType.USER_DEFINED if t in ('<tool_call>', '</tool_call>') else gguf.TokenType.CONTROL
V = len(tokens)
template = open(LLAMA + '/models/templates/Qwen-Qwen2.5-7B-Instruct.jinja').read()

w = gguf.GGUFWriter(out, 'qwen2')
w.add_name(f'random-{preset}-{qname}')
w.add_block_count(L)
w.add_context_length(32768)
w.add_embedding_length(H)
w.add_feed_forward_length(FF)
w.add_head_count(NH)
w.add_head_count_kv(NKV)
w.add_rope_freq_base(1000000.0)
w.add_layer_norm_rms_eps(1e-6)
w.add_file_type(ftype)
w.add_tokenizer_model('gpt2')
w.add_tokenizer_pre('qwen2')
w.add_token_list(tokens)
w.add_token_types(ttypes)
w.add_token_merges(merges)
w.add_bos_token_id(151643)
w.add_eos_token_id(151645)      # <|im_end|>, as in Qwen2.5-Instruct
w.add_pad_token_id(151643)
w.add_add_bos_token(False)
w.add_chat_template(template)

rng = np.random.default_rng(0)
def mat(rows, cols, std=0.02):
    a = (rng.standard_normal((rows, cols), dtype=np.float32) * std)
    if qtype == gguf.GGMLQuantizationType.F32:
        return a, None
    if qtype == gguf.GGMLQuantizationType.F16:
        return a.astype(np.float16), None
    return gguf.quants.quantize(a, qtype), qtype
def vec(n, val=None, std=0.02):
    return (np.full(n, val, np.float32) if val is not None
            else rng.standard_normal(n, dtype=np.float32) * std)
def add(name, arr_q):
    arr, rt = arr_q
    w.add_tensor(name, arr, raw_dtype=rt)

add('token_embd.weight', mat(V, H))          # tied output (qwen2 falls back to token_embd)
w.add_tensor('output_norm.weight', vec(H, 1.0))
for i in range(L):
    p = f'blk.{i}.'
    w.add_tensor(p + 'attn_norm.weight', vec(H, 1.0))
    add(p + 'attn_q.weight', mat(NH * HD, H)); w.add_tensor(p + 'attn_q.bias', vec(NH * HD))
    add(p + 'attn_k.weight', mat(NKV * HD, H)); w.add_tensor(p + 'attn_k.bias', vec(NKV * HD))
    add(p + 'attn_v.weight', mat(NKV * HD, H)); w.add_tensor(p + 'attn_v.bias', vec(NKV * HD))
    add(p + 'attn_output.weight', mat(H, NH * HD))
    w.add_tensor(p + 'ffn_norm.weight', vec(H, 1.0))
    add(p + 'ffn_gate.weight', mat(FF, H))
    add(p + 'ffn_up.weight', mat(FF, H))
    add(p + 'ffn_down.weight', mat(H, FF))

w.write_header_to_file()
w.write_kv_data_to_file()
w.write_tensors_to_file()
w.close()
nparams = V * H + H + L * (2 * H + NH * HD * H + NH * HD + 2 * (NKV * HD * H + NKV * HD) + H * NH * HD + 3 * FF * H)
print(f'wrote {out}: preset={preset} type={qname} params={nparams/1e6:.1f}M vocab={V} in {time.time()-t0:.1f}s')
