import { describe, expect, test } from '@jest/globals';
import { canonicalModel, findModel, knownModel, providerOfModel } from '../src/core/models.js';

describe('canonicalModel: one id per model, whatever the spelling', () => {
  test.each([
    ['claude-opus-4-5', 'claude-opus-4-5', 'anthropic'],
    ['claude-opus-4-5-20251101', 'claude-opus-4-5', 'anthropic'],
    ['Claude Opus 4.5', 'claude-opus-4-5', 'anthropic'],
    ['Claude Opus 4.6 (1M context)', 'claude-opus-4-6', 'anthropic'],
    ['claude-sonnet-4-5[1m]', 'claude-sonnet-4-5', 'anthropic'],
    ['Opus 4.7', 'claude-opus-4-7', 'anthropic'],
    ['claude-4.5-sonnet', 'claude-sonnet-4-5', 'anthropic'],
    ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet', 'anthropic'],
    ['anthropic/claude-sonnet-4', 'claude-sonnet-4', 'anthropic'],
    ['openrouter/anthropic/claude-sonnet-4', 'claude-sonnet-4', 'anthropic'],
    ['GPT-4o', 'gpt-4o', 'openai'],
    ['gpt-4o-2024-08-06', 'gpt-4o', 'openai'],
    ['gpt5', 'gpt-5', 'openai'],
    ['gpt-5.1-codex', 'gpt-5.1-codex', 'openai'],
    ['o3', 'o3', 'openai'],
    ['vertex_ai/gemini-2.5-pro', 'gemini-2.5-pro', 'google'],
    ['Qwen 3.6 27B', 'qwen3.6-27b', 'alibaba'],
    ['qwen3-coder-plus', 'qwen3-coder-plus', 'alibaba'],
    ['GLM-4.6', 'glm-4.6', 'zhipu'],
    ['Kimi K2', 'kimi-k2', 'moonshot'],
    ['grok-4', 'grok-4', 'xai'],
    ['deepseek-v3.1', 'deepseek-v3.1', 'deepseek'],
    ['Devstral Medium', 'devstral-medium', 'mistral'],
    ['llama-3.3-70b', 'llama-3.3-70b', 'meta'],
    ['eu.anthropic.claude-sonnet-4-6', 'claude-sonnet-4-6', 'anthropic'],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet', 'anthropic'],
  ])('%s -> %s (%s)', (written, id, provider) => {
    expect(canonicalModel(written)).toEqual({ id, provider });
  });

  test('a model of no known family keeps an id and has no provider', () => {
    expect(canonicalModel('model-x 1')).toEqual({ id: 'model-x-1' });
    expect(knownModel('model-x 1')).toBeUndefined();
  });

  test('the provider needs the family name as a whole word', () => {
    expect(providerOfModel('claude-opus-4-5')).toBe('anthropic');
    expect(providerOfModel('claudette')).toBeUndefined();
    expect(providerOfModel('gptzero')).toBeUndefined();
    expect(providerOfModel('o3')).toBe('openai');
    expect(providerOfModel('o3d-viewer')).toBeUndefined();
  });
});

describe('findModel: the model a name or claim mentions', () => {
  test.each([
    ['GLM-5 via Crush', 'glm-5'],
    ['AWS Claude Opus 4.5 via Crush', 'claude-opus-4-5'],
    ['OpenHands-GPT-5', undefined],
    ['Claude Sonnet 4', 'claude-sonnet-4'],
    ['Qwen 3.8 27B', 'qwen3.8-27b'],
    ['openai/gpt-5.5 via Crush (modified ver.)', 'gpt-5.5'],
  ])('%s -> %s', (text, id) => {
    expect(findModel(text)?.id).toBe(id);
  });

  test.each([['Claude Paroz'], ['Claude'], ['Gemma Lin'], ['Grok'], ['Opus Dei'], ['Jane Doe']])(
    'a person named %s names no model',
    (name) => {
      expect(findModel(name)).toBeUndefined();
    },
  );
});
